// Links in the web chat (a campaign's "See the offer"): drawn like the
// buttons beside them, opened in a new tab, and never anything but https.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Button } from '../../../core/outbound.ts';
import { enqueue } from '../../../core/storage/outbox/enqueue.ts';
import { pagesForSuite, type BrowserPages } from '../../support/browserPages.ts';
import { chromiumMissing, onCI, skipReason } from '../../support/chromium.ts';
import { seriousViolations } from '../../support/axe.ts';
import { startLoopbackApp, type LoopbackApp } from '../../support/loopbackApp.ts';
import { botMessages, botSays, log, userMessages } from './support/webChatPage.ts';

const CONSENT = 'we need your consent';
const OFFER = 'Spring tasting on Saturday';
const PROGRAMME = 'https://shop.example/spring?from=chat';

if (chromiumMissing && !onCI) console.warn(`Web chat link tests skipped: ${skipReason}.`);

let loopback: LoopbackApp;
let pages: BrowserPages;

beforeAll(async () => {
  loopback = await startLoopbackApp('webchat-links-', { DEFAULT_LOCALE: 'en' });
});

afterAll(async () => {
  await loopback?.stop();
});

describe.skipIf(chromiumMissing && !onCI)(`links in the web chat${chromiumMissing ? ` (${skipReason})` : ''}`, () => {
  pages = pagesForSuite();

  it('shows a link the shop sends as a button that opens its page in a new tab, saying nothing in the chat', async () => {
    const page = await openChat();
    await sendFromShop(page, [
      [{ label: 'See the programme', url: PROGRAMME }],
      [{ label: 'Stop', payload: 'offers:off' }],
    ]);
    const offer = botMessages(page).filter({ hasText: OFFER });
    await offer.waitFor();

    const link = offer.getByRole('link', { name: 'See the programme (opens in a new tab)' });
    expect(await link.getAttribute('href')).toBe(PROGRAMME);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await offer.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/webchat-links.png' });

    const [opened] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(PROGRAMME);
    expect(await userMessages(page).count()).toBe(0);

    await page.reload();
    await botSays(page, OFFER);
    expect(
      await log(page)
        .getByRole('link', { name: /^See the programme/ })
        .getAttribute('href'),
    ).toBe(PROGRAMME);
  });

  it('draws no link whose address is not https, even when a reply carries one', async () => {
    const page = await openChat();
    await page.route('**/webchat/messages', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          replies: [
            {
              text: 'Three buttons that must not be links',
              buttons: [
                [
                  { label: 'Script', url: 'javascript:alert(1)' },
                  { label: 'Plain', url: 'http://shop.example/' },
                ],
                [{ label: 'OK', payload: 'ok' }],
              ],
            },
          ],
        }),
      }),
    );
    await log(page).getByRole('button', { name: 'I agree' }).click();
    await botSays(page, 'Three buttons that must not be links');

    expect(await log(page).getByRole('link').count()).toBe(0);
    expect(await botMessages(page).last().getByRole('button').allTextContents()).toEqual(['OK']);
  });
});

async function openChat(): Promise<Page> {
  const page = await pages.open(
    loopback.app.url,
    { locale: 'en-US', viewport: { width: 420, height: 860 } },
    // The shop's site is not on this machine: the browser is answered here instead.
    { prepare: (context) => context.route('https://shop.example/**', (route) => route.fulfill({ body: 'Spring' })) },
  );
  await botSays(page, CONSENT);
  return page;
}

/** A message the shop sends on its own (a campaign), through the outbox to this page's visitor. */
async function sendFromShop(page: Page, buttons: Button[][]): Promise<void> {
  const visitor = (await page.context().cookies()).find((cookie) => cookie.name === 'loyalty_visitor')?.value;
  if (!visitor) throw new Error('the page set no visitor cookie');
  await enqueue(loopback.app.db, {
    memberId: null,
    channel: 'web',
    address: visitor,
    dedupeKey: `test:offer:${visitor}`,
    message: { text: OFFER, buttons },
  });
  loopback.app.outbox.nudge();
}
