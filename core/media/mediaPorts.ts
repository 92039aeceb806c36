import type { ImageType } from '../imageTypeOf.ts';

/**
 * Pictures published at a URL for a platform that fetches images itself
 * (Viber takes a picture only by URL). The id is random and the picture
 * expires, so a link that leaks leads to nothing for long, and the link
 * itself names no one.
 */
export interface PublishedImages {
  /** Keeps the picture until `expiresAt`; resolves to its random id. */
  publish(png: Uint8Array, expiresAt: Date): Promise<string>;
  /** The picture, while it has not expired; null otherwise. */
  read(id: string, now: Date): Promise<Uint8Array | null>;
}

/** A picture as kept: its bytes, already cleaned, and their type. */
export interface StoredPicture {
  bytes: Uint8Array;
  type: ImageType;
}

/**
 * Where cleaned pictures are kept (campaign images, contest entries): a
 * directory today, object storage later. Ids are random and unguessable, so
 * knowing one is what lets a platform or a page fetch the picture.
 */
export interface PictureStore {
  /** Keeps the bytes; resolves to the picture's id. */
  save(bytes: Uint8Array, type: ImageType): Promise<string>;
  /** The picture an id names; null for an unknown or malformed id. */
  read(id: string): Promise<StoredPicture | null>;
  /** Deletes the picture; an unknown id is no error. */
  remove(id: string): Promise<void>;
}
