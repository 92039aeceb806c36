// The web chat page as a visitor reads and works it in Chromium: the
// conversation log, the bot's and the visitor's messages, buttons, the Menu
// control and the message box.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The conversation, as the page marks it up for assistive technology. */
export function log(page: Page): Locator {
  return page.getByRole('log');
}

export function botMessages(page: Page): Locator {
  return log(page).locator('.msg--bot:not(.msg--typing)');
}

export function userMessages(page: Page): Locator {
  return log(page).locator('.msg--user .bubble');
}

export async function botSays(page: Page, text: string): Promise<void> {
  await botMessages(page).filter({ hasText: text }).last().waitFor();
}

/** Polls until the page catches up; the chat answers asynchronously. */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** Presses the newest button with this label; older ones stay on screen too. */
export async function press(page: Page, label: string): Promise<void> {
  await log(page).getByRole('button', { name: label, exact: true }).last().click();
}

/** Opens the Menu control beside the message box and chooses an item. */
export async function choose(page: Page, label: string): Promise<void> {
  await page.locator('#menu-button').click();
  await page.locator('#menu').getByRole('button', { name: label, exact: true }).click();
}

export async function type(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').fill(text);
  await page.getByRole('textbox').press('Enter');
}
