import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageType } from '../../imageTypeOf.ts';
import type { PictureStore } from '../../media/mediaPorts.ts';

const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const TYPES: Record<string, ImageType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
/** 128 random bits in base64url, then the type: nothing else is ever a file name, so no id reaches outside `dir`. */
const PICTURE_ID = /^([A-Za-z0-9_-]{22})\.(jpg|png|webp)$/;

/**
 * Pictures as files in one directory, named by their id (`<random>.jpg`), so
 * the type travels with the id and a URL ends as platforms like it to.
 * Several instances need the directory shared.
 */
export function createFilePictureStore(dir: string): PictureStore {
  // Made on the first picture, so an instance that never gets one leaves no empty directory behind.
  let ready: Promise<unknown> | undefined;
  return {
    save: async (bytes, type) => {
      await (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
      const id = `${randomBytes(16).toString('base64url')}.${EXTENSIONS[type]}`;
      await writeFile(join(dir, id), bytes, { mode: 0o600, flag: 'wx' });
      return id;
    },
    read: async (id) => {
      const match = PICTURE_ID.exec(id);
      if (match === null) return null;
      const bytes = await readFile(join(dir, id)).catch(orNullWhenMissing);
      return bytes === null ? null : { bytes: new Uint8Array(bytes), type: TYPES[match[2]!]! };
    },
    remove: async (id) => {
      if (PICTURE_ID.test(id)) await rm(join(dir, id), { force: true });
    },
  };
}

function orNullWhenMissing(error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw error;
}
