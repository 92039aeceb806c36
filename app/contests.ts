import type { ContestChatDeps } from '../core/contests/contestChatDeps.ts';
import type { ContestPictures } from '../core/contests/contestsPorts.ts';
import type { PhotoSource } from '../core/desk/deskPorts.ts';
import type { Channel } from '../core/inbound.ts';
import { acceptPicture } from '../core/media/acceptPicture.ts';
import type { PictureStore } from '../core/media/mediaPorts.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createContestPlayStore } from '../core/storage/contests/createContestPlayStore.ts';

/**
 * The longest side a contest picture keeps: enough for any phone screen and
 * the gallery, and within what Telegram and Viber take.
 */
const MAX_SIDE = 2048;

/**
 * Contest entries kept in the picture store, cleaned of metadata on the way
 * in. JPEG or PNG only out, since Viber shows no WebP.
 */
export function contestPicturesOf(store: PictureStore): ContestPictures {
  return {
    keep: async (bytes) => {
      const outcome = await acceptPicture(store, bytes, { maxSide: MAX_SIDE, types: ['image/jpeg', 'image/png'] });
      return outcome.kind === 'accepted' ? outcome.id : null;
    },
    read: async (id) => (await store.read(id))?.bytes ?? null,
  };
}

/** What the chat needs for contests: its store, the pictures, and the channels' photo sources (filled as channels connect). */
export function contestChatDepsOf(
  db: Database,
  pictures: ContestPictures,
  photos: Partial<Record<Channel, PhotoSource>>,
): ContestChatDeps {
  return { store: createContestPlayStore(db), pictures, photos };
}
