import type { ContestChatDeps } from '../core/contests/contestChatDeps.ts';
import type { ContestPictures } from '../core/contests/contestsPorts.ts';
import type { PhotoSource } from '../core/desk/deskPorts.ts';
import type { Channel } from '../core/inbound.ts';
import { acceptPicture } from '../core/media/acceptPicture.ts';
import type { PictureStore } from '../core/media/mediaPorts.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createContestPlayStore } from '../core/storage/contests/createContestPlayStore.ts';
import type { ContestStore } from '../core/contests/contestsPorts.ts';
import { decideEntry } from '../core/contests/decideEntry.ts';
import { contestText } from '../core/contests/contestText.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { Logger } from '../core/logger.ts';
import type { ContestModerationOptions } from '../bots/slack/contestModeration.ts';

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

/** Approve and Reject in Slack: the moderation channel, the texts in the staff's language, decisions through the core. */
export function slackModerationOf(parts: {
  channel: string;
  store: ContestStore;
  pictures: ContestPictures;
  translator: Translator;
  defaultLocale: Locale;
  staffLocale: Locale;
  clock: () => Date;
  log: Logger;
}): ContestModerationOptions {
  const staffT = parts.translator.forLocale(parts.staffLocale);
  return {
    channel: parts.channel,
    staffT,
    log: parts.log,
    describe: async (entry) => {
      const [contest, standing] = await Promise.all([parts.store.find(entry.contestId), parts.store.entry(entry.id)]);
      if (!contest || !standing) return null;
      return {
        title: contestText(contest.title, parts.staffLocale, parts.defaultLocale),
        authorName: standing.authorName,
        picture: await parts.pictures.read(entry.pictureId),
      };
    },
    decide: (choice) =>
      decideEntry(
        { store: parts.store, translator: parts.translator, defaultLocale: parts.defaultLocale, clock: parts.clock },
        choice,
      ),
  };
}
