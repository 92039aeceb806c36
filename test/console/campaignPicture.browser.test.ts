// A campaign's picture in Chromium: the marketer uploads a phone photo
// (with its GPS position in it) from the campaign form, sees it, saves the
// campaign with it, and the members' messages carry its address under
// PUBLIC_URL, where the picture is served without the position. A text file
// named like a photo is refused at the field; the picture is removed and
// put back. axe-core checks the form with the picture shown.
import { join } from 'node:path';
import exifReader from 'exif-reader';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, skipReason } from '../support/chromium.ts';
import { startCampaignsWorld, type CampaignsWorld } from './campaignsWorld.ts';
import { seriousViolations, signInInPage } from './consoleWorld.ts';

const PUBLIC_URL = 'https://shop.example';
const MARKETER = { name: 'Maria', email: 'maria@shop.md', password: 'marketer password 123' };
const PICTURE = /^https:\/\/shop\.example\/media\/[\w-]{22}\.jpg$/;

let world: CampaignsWorld;

/** A photo as a phone saves it: large, with the place it was taken. */
async function gardenPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#5a8f3c' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '28/1 51/1 0/1' },
    })
    .toBuffer();
}

async function signedIn(): Promise<Page> {
  const page = await world.open();
  await signInInPage(page, MARKETER.email, MARKETER.password);
  await page.getByRole('heading', { name: `Welcome, ${MARKETER.name}` }).waitFor();
  return page;
}

const pictureShown = (page: Page) => page.getByRole('img', { name: 'The campaign’s picture' });

describe.skipIf(skipBrowserTests)(
  `a campaign's picture in Chromium${skipBrowserTests ? ` (${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      world = await startCampaignsWorld((dir) => ({ PUBLIC_URL, MEDIA_DIR: join(dir, 'media') }));
      await world.invite('marketer', MARKETER);
      await world.joins('Ana', '+37369400001', 'ro', true);
      await world.joins('Clara', '+37369400002', 'en', true);
      const segment = await world.admin('POST', '/api/v1/segments', { name: 'Everyone', filters: {} });
      if (segment.status !== 201) throw new Error(`segment: ${JSON.stringify(segment.body)}`);
    }, 90_000);

    afterEach(async () => {
      await world.closePages();
    });

    afterAll(async () => {
      await world?.stop();
    });

    it('uploads a photo, shows it, and sends it with the campaign without its GPS position', async () => {
      const page = await signedIn();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Campaigns' }).click();
      await page.getByRole('link', { name: 'New campaign' }).click();
      await page.getByLabel('Name (staff only)').fill('Garden days');
      await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Everyone' });
      await page
        .getByRole('group', { name: 'Text', exact: true })
        .getByLabel('English', { exact: true })
        .fill('Our garden is open, {name}!');

      // A text file named like a photo is refused at the field, and nothing is attached.
      const chooser = page.getByLabel('Upload a picture');
      await chooser.setInputFiles({ name: 'garden.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
      await page.getByText('This file is no JPEG, PNG or WebP picture; choose another.').waitFor();
      expect(await chooser.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Picture (https address, optional)').inputValue()).toBe('');

      await chooser.setInputFiles({ name: 'garden.jpg', mimeType: 'image/jpeg', buffer: await gardenPhoto() });
      await page.getByText('The picture is uploaded', { exact: false }).waitFor();
      expect(await chooser.getAttribute('aria-invalid')).toBeNull();
      const address = await page.getByLabel('Picture (https address, optional)').inputValue();
      expect(address).toMatch(PICTURE);
      // Shown from this server, scaled down as it will be sent.
      await expect
        .poll(() => pictureShown(page).evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
        .toEqual([1600, 1200]);
      await page.getByRole('complementary', { name: 'Preview' }).getByText(`Picture: ${address}`).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Removed, then put back.
      await page.getByRole('button', { name: 'Remove the picture' }).click();
      await page.getByText('The picture is taken off this campaign.').waitFor();
      expect(await pictureShown(page).count()).toBe(0);
      expect(await page.getByLabel('Picture (https address, optional)').inputValue()).toBe('');
      expect(await chooser.evaluate((input) => input === document.activeElement)).toBe(true);
      await chooser.setInputFiles({ name: 'garden.jpg', mimeType: 'image/jpeg', buffer: await gardenPhoto() });
      await pictureShown(page).waitFor();
      const kept = await page.getByLabel('Picture (https address, optional)').inputValue();
      expect(kept).toMatch(PICTURE);

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('The draft is saved.', { exact: false }).waitFor();
      const campaignId = /#\/campaigns\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
      expect((await world.admin('GET', `/api/v1/campaigns/${campaignId}`)).body.imageUrl).toBe(kept);
      // Opened again, the form shows the picture it carries.
      await page.reload();
      await pictureShown(page).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // What Viber and Telegram would fetch: the picture, with no position in it.
      const served = await fetch(`${world.app.url}${new URL(kept).pathname}`);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      const { exif } = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(exif && exifReader(exif).GPSInfo).toBeUndefined();

      // Started, the members' messages in the web chat carry the picture.
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByText('Started: the messages are going out.').waitFor();
      await expect
        .poll(
          async () => {
            const rows = await world.app.db.prisma.outboxMessage.findMany({ where: { campaignId, status: 'sent' } });
            return rows.filter((row) => row.payload.includes(kept)).length;
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
    }, 90_000);
  },
);
