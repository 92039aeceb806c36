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
