import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

const PUBLIC_URL = 'https://shop.example';
let api: ApiTestApp;
let mediaDir: string;

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'pictures-api-'));
  api = await startApiTestApp('sqlite', { PUBLIC_URL, MEDIA_DIR: mediaDir });
});
afterAll(async () => {
  await api.stop();
  rmSync(mediaDir, { recursive: true, force: true });
});

function upload(bytes: Uint8Array, type = 'image/jpeg', token = ADMIN_TOKEN) {
  return fetch(`${api.url}/api/v1/pictures`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: Uint8Array.from(bytes),
  });
}

async function photoWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#226644' } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '28/1 51/1 0/1' },
    })
    .toBuffer();
}

describe('POST /api/v1/pictures', () => {
  it('keeps an uploaded photo without its GPS position, at an address under PUBLIC_URL', async () => {
    const response = await upload(await photoWithGps(3200, 2400));

    expect(response.status).toBe(201);
    const picture = (await response.json()) as { id: string; url: string; type: string; width: number };
    expect(picture).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
    expect(picture.url).toBe(`${PUBLIC_URL}/media/${picture.id}`);
    const served = await fetch(`${api.url}/media/${picture.id}`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(metadata.exif && exifReader(metadata.exif).GPSInfo).toBeUndefined();
  });

  it('keeps a WebP as a JPEG, which Viber shows', async () => {
    const webp = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();

    const response = await upload(webp, 'image/webp');

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ type: 'image/jpeg', url: expect.stringMatching(/\.jpg$/) });
  });

  it('refuses a text file sent as a JPEG with 415, and keeps nothing', async () => {
    const before = readdirSync(mediaDir).length;

    const response = await upload(new TextEncoder().encode('not a photo, just words'));

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ type: '/api/problems/not-a-picture' });
    expect(readdirSync(mediaDir)).toHaveLength(before);
  });

  it('refuses more than 10 MB with 413 problem details', async () => {
    const response = await upload(new Uint8Array(10 * 1024 * 1024 + 1));

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: '/api/problems/payload-too-large' });
  });

  it('refuses a body of another type with 415', async () => {
    const response = await upload(await photoWithGps(10, 10), 'image/gif');

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ type: '/api/problems/unsupported-media-type' });
  });

  it('is not for a till’s API key', async () => {
    const { key } = await api.newApiKey('Till 7');

    const response = await upload(await photoWithGps(10, 10), 'image/jpeg', key);

    expect(response.status).toBe(403);
  });
});

describe('POST /api/v1/pictures without an https PUBLIC_URL', () => {
  it('says to set PUBLIC_URL, since messengers could not fetch the picture', async () => {
    const local = await startApiTestApp('sqlite', { MEDIA_DIR: mediaDir });
    try {
      const response = await fetch(`${local.url}/api/v1/pictures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'image/jpeg' },
        body: Uint8Array.from(await photoWithGps(10, 10)),
      });

      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ type: '/api/problems/public-url-unset' });
    } finally {
      await local.stop();
    }
  });
});
