import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Photos visitors attached in the web chat, by the file id their ticket message names. */
export interface WebPhotoStore {
  /** Keeps the bytes and returns their file id. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes of a file id `put` returned; throws for any other id. */
  get(fileId: string): Promise<Uint8Array>;
  /** Deletes one photo (its sender's data was erased); ids of other channels are left alone. */
  remove(fileId: string): Promise<void>;
  /** Deletes photos kept longer than `maxAgeMs` (by then the desk has posted them). */
  purgeOlderThan(maxAgeMs: number, now: Date): Promise<void>;
}

const FILE_ID = /^web-photo-[\w-]{22}$/;

/**
 * A directory of photo files, readable only by the program's user. The desk
 * reads a photo shortly after it arrived, on whichever instance posts to
 * Slack: several instances need this directory shared (or the photo is
 * announced as text without it).
 */
export function createWebPhotoStore(dir: string): WebPhotoStore {
  // Made on the first photo, so an instance that never gets one leaves no empty directory behind.
  let ready: Promise<unknown> | undefined;
  return {
    put: async (bytes) => {
      await (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
      const fileId = `web-photo-${randomBytes(16).toString('base64url')}`;
      await writeFile(join(dir, fileId), bytes, { mode: 0o600, flag: 'wx' });
      return fileId;
    },
    get: async (fileId) => {
      if (!FILE_ID.test(fileId)) throw new Error(`${fileId} is not a web chat photo id`);
      return new Uint8Array(await readFile(join(dir, fileId)));
    },
    remove: async (fileId) => {
      if (FILE_ID.test(fileId)) await rm(join(dir, fileId), { force: true });
    },
    purgeOlderThan: async (maxAgeMs, now) => {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((entry) => FILE_ID.test(entry))) {
        const path = join(dir, name);
        if (now.getTime() - (await stat(path)).mtimeMs > maxAgeMs) await rm(path, { force: true });
      }
    },
  };
}
