import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptPicture } from '../../core/media/acceptPicture.ts';
import { createFilePictureStore } from '../../core/storage/media/createFilePictureStore.ts';
import { startLoopbackApp, type LoopbackApp } from '../support/loopbackApp.ts';

let running: LoopbackApp;
let id: string;
let jpeg: Buffer;

beforeAll(async () => {
  running = await startLoopbackApp('media-route-', (dir) => ({ MEDIA_DIR: join(dir, 'media') }));
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa3300' } })
    .jpeg()
    .toBuffer();
  const outcome = await acceptPicture(createFilePictureStore(join(running.dir, 'media')), jpeg);
  if (outcome.kind !== 'accepted') throw new Error(`the fixture was refused: ${outcome.kind}`);
  id = outcome.id;
});
afterAll(() => running.stop());

const get = (path: string) => fetch(`${running.app.url}${path}`);

describe('GET /media/{id}', () => {
  it('serves a kept picture with its type, for caches, and tells browsers not to guess another type', async () => {
    const response = await get(`/media/${id}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(served).toMatchObject({ format: 'jpeg', width: 40, height: 30 });
  });

  it.each([
    ['an id that was never given', '/media/AAAAAAAAAAAAAAAAAAAAAA.jpg'],
    ['an id of the wrong shape', '/media/picture.jpg'],
    ['a way out of the directory', '/media/..%2F..%2Ftest.db'],
  ])('answers 404 for %s', async (_name, path) => {
    const response = await get(path);

    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
