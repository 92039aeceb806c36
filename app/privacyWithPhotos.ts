import type { PrivacyStore } from '../core/privacy/privacyPorts.ts';
import type { WebPhotoStore } from '../bots/web/webPhotoStore.ts';
import type { Pino } from './logger.ts';

/** Erasure also deletes the photo files the person sent in the web chat; a file that cannot be deleted is logged, by id. */
export function privacyWithPhotos(store: PrivacyStore, photos: WebPhotoStore, log: Pino): PrivacyStore {
  return {
    ...store,
    erase: async (request) => {
      const outcome = await store.erase(request);
      if (outcome.kind === 'erased')
        for (const fileId of outcome.photoFileIds)
          await photos
            .remove(fileId)
            .catch((error: unknown) => log.warn({ err: error, fileId }, 'could not delete an erased photo'));
      return outcome;
    },
  };
}
