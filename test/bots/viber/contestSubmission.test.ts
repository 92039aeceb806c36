// A contest entry sent in Viber, through the real webhook and the Viber
// stand-in: the member sends a `picture` message as Viber delivers it (the
// file on Viber's media server, its name and size, the caption as `text`);
// the adapter downloads it, the core checks it by its bytes, strips its GPS
// position and keeps it as the member's one entry, answering in Romanian.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { CONTEST_HOUR, contestBody, photoWithGps } from '../../core/contests/support/contestBody.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { ViberHarness } from './support/viberHarness.ts';
import type { ViberUser } from './support/viberUser.ts';

const ADMIN_TOKEN = 'viber-contest-admin-token-0123456789abcdef';
const ro = createTranslator().forLocale('ro');

describeEachProvider('sending a contest entry in Viber', (provider) => {
  let harness: ViberHarness;
  let mediaDir: string;
  let now = new Date();
  let ana: ViberUser;
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${harness.app.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const entries = () =>
    harness.prisma.contestEntry.findMany({ select: { id: true, caption: true, pictureId: true, status: true } });
  /** Opens the contest from the chat and taps "Send your photo or drawing", as the member does before each picture. */
  const getsReadyToSend = async () => {
    await ana.types('/contest');
    const [ask] = await ana.taps(ro('contests.sendButton'));
    expect(ask!.text).toContain('Trimiteți fotografia sau desenul pentru „Desenul de iarnă”');
  };

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'viber-contest-media-'));
    harness = await ViberHarness.start({ provider, clock: () => now, env: { ADMIN_TOKEN, MEDIA_DIR: mediaDir } });
    expect((await api('POST', '/api/v1/contests', contestBody(now))).status).toBe(201);
    ana = harness.user('AnA0ContestViber000A=', { language: 'ro', name: 'Ana' });
    await ana.opens();
    await ana.taps(ro('consent.accept'));
    await ana.types('Ana Popescu');
    await ana.sharesPhone('+37369100077');
    await ana.types('29.02');
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('downloads the picture from Viber’s media server, strips its GPS position and thanks the member in Romanian', async () => {
    await getsReadyToSend();
    const photo = await photoWithGps();
    const media = harness.fake.hostMedia(photo, 'image/jpeg', 'IMG_2041.jpg');

    const [thanks] = await ana.sendsPicture(media, {
      caption: 'Zăpadă pe strada noastră',
      fileName: 'IMG_2041.jpg',
      size: photo.length,
    });

    expect(thanks!.text).toBe(ro('contests.submitted'));
    const pending = (await (await api('GET', '/api/v1/contest-entries/pending')).json()) as {
      entries: { caption: string; authorName: string }[];
    };
    expect(pending.entries).toMatchObject([{ caption: 'Zăpadă pe strada noastră', authorName: 'Ana Popescu' }]);
    const [entry] = await entries();
    const served = await fetch(`${harness.app.url}/media/${entry!.pictureId}`);
    expect(served.status).toBe(200);
    const picture = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(picture).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(metadata.exif).toBeUndefined();
    expect(picture.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('refuses a picture Viber reports as larger than 10 MB, without downloading it, and keeps the entry', async () => {
    const before = await entries();
    await getsReadyToSend();
    const huge = Buffer.concat([await photoWithGps(), Buffer.alloc(11 * 1024 * 1024)]);
    const media = harness.fake.hostMedia(huge, 'image/jpeg', 'IMG_2042.jpg');

    const [refused] = await ana.sendsPicture(media, { fileName: 'IMG_2042.jpg', size: huge.length });

    expect(refused!.text).toBe(ro('contests.pictureRefused'));
    expect(harness.fake.mediaDownloads.some((path) => media.endsWith(path))).toBe(false);
    expect(await entries()).toEqual(before);
  });

  it('refuses a file that is no picture, whatever its name says, and keeps the entry', async () => {
    const before = await entries();
    await getsReadyToSend();
    const text = Buffer.from('Lista de cumpărături: lapte, pâine, ouă');
    const media = harness.fake.hostMedia(text, 'image/jpeg', 'IMG_2043.jpg');

    const [refused] = await ana.sendsPicture(media, { fileName: 'IMG_2043.jpg', size: text.length });

    expect(refused!.text).toBe(ro('contests.pictureRefused'));
    expect(harness.fake.mediaDownloads.some((path) => media.endsWith(path))).toBe(true);
    expect(await entries()).toEqual(before);
  });

  it('replaces the entry with a second picture, which goes to the moderators again', async () => {
    const [first] = await entries();
    await getsReadyToSend();
    const drawing = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const media = harness.fake.hostMedia(drawing, 'image/png', 'desen.png');

    const [replaced] = await ana.sendsPicture(media, { caption: 'Desenul fiicei mele', size: drawing.length });

    expect(replaced!.text).toBe(ro('contests.replaced'));
    const after = await entries();
    expect(after).toMatchObject([{ id: first!.id, caption: 'Desenul fiicei mele', status: 'pending' }]);
    expect(after[0]!.pictureId).not.toBe(first!.pictureId);
    const served = await fetch(`${harness.app.url}/media/${after[0]!.pictureId}`);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('png');
  });

  it('enters nothing once submissions have closed, and keeps the last entry', async () => {
    const before = await entries();
    await getsReadyToSend();
    now = new Date(now.getTime() + 2 * CONTEST_HOUR);
    const media = harness.fake.hostMedia(await photoWithGps(), 'image/jpeg', 'IMG_2044.jpg');

    const [late] = await ana.sendsPicture(media, { caption: 'Prea târziu' });

    expect(late!.text).toBe(ro('contests.submissionsClosed'));
    expect(await entries()).toEqual(before);
  });
});
