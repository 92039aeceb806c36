// A contest entry sent from the web chat as a visitor sends it, in Debian's
// Chromium against the real application on loopback: the contest is opened
// from the Menu control, a phone photo carrying its GPS position is picked
// with the attach control, a caption typed beside it, and Send pressed. The
// chat answers in the visitor's language (Romanian here, the shop's default
// being Russian), the entry waits for the moderators, and the picture served
// at /media/{id} keeps nothing of the camera's metadata.
import { join } from 'node:path';
import sharp from 'sharp';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../app/startApp.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { seriousViolations } from '../../support/axe.ts';
import { pagesForSuite, type BrowserPages } from '../../support/browserPages.ts';
import { chromiumMissing, onCI, skipReason } from '../../support/chromium.ts';
import { startLoopbackApp, type LoopbackApp } from '../../support/loopbackApp.ts';
import { contestBody, photoWithGps } from '../../core/contests/support/contestBody.ts';
import { botSays, choose, log, press, type, userMessages } from './support/webChatPage.ts';

const ADMIN_TOKEN = 'webchat-contest-browser-admin-token-012345';
const ro = createTranslator().forLocale('ro');
const SCREENSHOT = '/tmp/webchat-contest-photo-staged.png';

if (chromiumMissing && !onCI) console.warn(`Web chat contest browser tests skipped: ${skipReason}.`);

let loopback: LoopbackApp;
let app: RunningApp;
let pages: BrowserPages;
let phones = 0;

const api = async (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

beforeAll(async () => {
  loopback = await startLoopbackApp('webchat-contest-', (dir) => ({
    DEFAULT_LOCALE: 'ru',
    ADMIN_TOKEN,
    MEDIA_DIR: join(dir, 'media'),
    WEBCHAT_PHOTO_DIR: join(dir, 'webchat-photos'),
  }));
  app = loopback.app;
  const created = await fetch(`${app.url}/api/v1/contests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(contestBody(new Date())),
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await loopback?.stop();
});

describe.skipIf(chromiumMissing && !onCI)(
  `a contest entry from the web chat in Chromium${chromiumMissing ? ` (${skipReason})` : ''}`,
  () => {
    pages = pagesForSuite();

    it(
      'takes a picked photo with the caption typed beside it, thanks the visitor in Romanian and strips the GPS position',
      { timeout: 90_000 },
      async () => {
        const page = await openChat(390);
        await registerVisitor(page, 'Ana');
        await readyToSend(page);

        await page.locator('#photo').setInputFiles({
          name: 'IMG_2041.jpg',
          mimeType: 'image/jpeg',
          buffer: await photoWithGps(),
        });
        // The photo waits, named, with a way to take it back, while a caption is typed.
        const waiting = page.getByRole('status').filter({ hasText: '📷 IMG_2041.jpg' });
        await waiting.waitFor();
        expect(await waiting.innerText()).toContain(ro('webchat.photoReady'));
        expect(await page.getByRole('button', { name: ro('webchat.removePhoto') }).isVisible()).toBe(true);
        expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe(ro('webchat.captionPlaceholder'));
        await page.getByRole('textbox').fill('Zăpadă pe strada noastră');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
        await page.getByRole('button', { name: ro('webchat.send'), exact: true }).click();

        await botSays(page, ro('contests.submitted'));
        expect(await userMessages(page).last().innerText()).toBe(
          `${ro('webchat.photoSent')}\nZăpadă pe strada noastră`,
        );
        expect(await waiting.count()).toBe(0);
        expect(await page.getByRole('textbox').getAttribute('placeholder')).toBe(ro('webchat.placeholder'));

        const pending = (await (await api('/api/v1/contest-entries/pending')).json()) as {
          entries: { caption: string; authorName: string; status: string }[];
        };
        expect(pending.entries).toMatchObject([
          { caption: 'Zăpadă pe strada noastră', authorName: 'Ana', status: 'pending' },
        ]);
        const entry = await app.db.prisma.contestEntry.findFirstOrThrow();
        const served = await fetch(`${app.url}/media/${entry.pictureId}`);
        expect(served.status).toBe(200);
        const picture = Buffer.from(await served.arrayBuffer());
        const metadata = await sharp(picture).metadata();
        expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
        expect(metadata.exif).toBeUndefined();
        expect(picture.includes(Buffer.from('PhoneMaker'))).toBe(false);
      },
    );

    it(
      'refuses a text file renamed .jpg in the visitor’s language and enters nothing',
      { timeout: 90_000 },
      async () => {
        const page = await openChat(420);
        await registerVisitor(page, 'Ion');
        await readyToSend(page);
        const entriesBefore = await app.db.prisma.contestEntry.count();

        await page.locator('#photo').setInputFiles({
          name: 'desen.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from('Lista de cumpărături: lapte, pâine, ouă\n'),
        });
        await page.getByRole('status').filter({ hasText: '📷 desen.jpg' }).waitFor();
        await type(page, 'Desenul meu');

        await log(page)
          .locator('.msg--note', { hasText: ro('webchat.photoType') })
          .waitFor();
        expect(await app.db.prisma.contestEntry.count()).toBe(entriesBefore);
        const ion = await app.db.prisma.member.findFirstOrThrow({ where: { name: 'Ion' } });
        expect(await app.db.prisma.contestEntry.count({ where: { memberId: ion.id } })).toBe(0);
      },
    );
  },
);

function openChat(width: number): Promise<Page> {
  return pages.open(app.url, { locale: 'ro-RO', viewport: { width, height: 860 } });
}

async function registerVisitor(page: Page, name: string): Promise<void> {
  phones += 1;
  await press(page, ro('consent.accept'));
  await botSays(page, ro('registration.askName'));
  await type(page, name);
  await botSays(page, ro('registration.askPhoneTyped', { name }));
  await type(page, `+3736930000${phones}`);
  await botSays(page, ro('registration.askBirthday'));
  await type(page, '29.02');
  await botSays(page, ro('registration.done', { name }));
}

/** Opens the contest from the Menu control and presses "Send your photo or drawing". */
async function readyToSend(page: Page): Promise<void> {
  await choose(page, ro('contests.menuButton', { title: 'Desenul de iarnă' }));
  await botSays(page, 'Desenul de iarnă');
  await press(page, ro('contests.sendButton'));
  await botSays(page, ro('contests.sendPicture', { title: 'Desenul de iarnă' }));
}
