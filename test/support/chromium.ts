import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by `npm test`'s set-up; tests drive it with playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const onCI = process.env.CI === 'true';
export const chromiumMissing = !existsSync(CHROMIUM);
export const skipReason = `${CHROMIUM} is not installed; run \`apt-get install chromium\` to test pages in a browser`;
/** On CI a missing browser fails the run: a quietly skipped browser test proves nothing. */
export const skipBrowserTests = chromiumMissing && !onCI;

export async function launchChromium(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`CI=true but ${skipReason}.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
