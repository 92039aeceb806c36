import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptPicture, MAX_PICTURE_BYTES } from '../../../core/media/acceptPicture.ts';
import type { PictureStore } from '../../../core/media/mediaPorts.ts';
import { createFilePictureStore } from '../../../core/storage/media/createFilePictureStore.ts';

let dir: string;
let store: PictureStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pictures-'));
  store = createFilePictureStore(join(dir, 'media'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A phone photo as members send them: taken in the garden, with the position the phone wrote into it. */
async function photoWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', ImageDescription: 'Our garden' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '28/1 51/1 0/1' },
    })
    .toBuffer();
}

async function kept(id: string) {
  const picture = await store.read(id);
  if (picture === null) throw new Error(`picture ${id} was not kept`);
  return picture;
}

describe('acceptPicture', () => {
  it('keeps a JPEG with its GPS position stripped, and nothing else of its metadata', async () => {
    const upload = await photoWithGps();
    expect(exifReader((await sharp(upload).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([47, 1, 30]);

    const outcome = await acceptPicture(store, upload);

    expect(outcome).toMatchObject({ kind: 'accepted', type: 'image/jpeg', width: 640, height: 480 });
    const picture = await kept(outcome.kind === 'accepted' ? outcome.id : '');
    expect(picture.type).toBe('image/jpeg');
    const metadata = await sharp(picture.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(Buffer.from(picture.bytes).includes('PhoneMaker')).toBe(false);
  });

  it('turns the picture upright by its EXIF orientation before dropping it', async () => {
    const sideways = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#888888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const outcome = await acceptPicture(store, sideways);

    expect(outcome).toMatchObject({ kind: 'accepted', width: 40, height: 60 });
  });

  it('refuses a text file renamed photo.jpg, and keeps nothing', async () => {
    const text = new TextEncoder().encode('Dear shop, this is not a photo at all.');

    expect(await acceptPicture(store, text)).toEqual({ kind: 'notAPicture' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a file that starts like a JPEG but is none', async () => {
    const forged = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('<?php system($_GET[1]);')]);

    expect(await acceptPicture(store, forged)).toEqual({ kind: 'notAPicture' });
  });

  it('refuses more than 10 MB, whatever the file is', async () => {
    const upload = await photoWithGps(32, 32);
    const huge = new Uint8Array(MAX_PICTURE_BYTES + 1);
    huge.set(upload);

    expect(await acceptPicture(store, huge)).toEqual({ kind: 'tooLarge' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('scales a large picture down to the bound asked for, keeping its proportions', async () => {
    const outcome = await acceptPicture(store, await photoWithGps(4000, 3000), { maxSide: 1280 });

    expect(outcome).toMatchObject({ kind: 'accepted', width: 1280, height: 960 });
  });

  it('converts a WebP to the first type allowed when WebP is not', async () => {
    const webp = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#ff000080' } })
      .webp()
      .toBuffer();

    const outcome = await acceptPicture(store, webp, { types: ['image/png', 'image/jpeg'] });

    expect(outcome).toMatchObject({ kind: 'accepted', type: 'image/png' });
    const picture = await kept(outcome.kind === 'accepted' ? outcome.id : '');
    expect((await sharp(picture.bytes).metadata()).format).toBe('png');
  });
});

describe('the picture store in a directory', () => {
  it('names pictures by long random ids', async () => {
    const bytes = new Uint8Array(await photoWithGps(8, 8));
    const ids = await Promise.all([store.save(bytes, 'image/jpeg'), store.save(bytes, 'image/jpeg')]);

    expect(ids[0]).toMatch(/^[\w-]{22}\.jpg$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it.each(['../media/x.jpg', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'aaaaaaaaaaaaaaaaaaaaaa.txt', ''])(
    'finds nothing for the id %j',
    async (id) => {
      expect(await store.read(id)).toBeNull();
    },
  );

  it('forgets a removed picture, and removing twice is no error', async () => {
    const id = await store.save(new Uint8Array(await photoWithGps(8, 8)), 'image/jpeg');

    await store.remove(id);
    await store.remove(id);

    expect(await store.read(id)).toBeNull();
  });
});
