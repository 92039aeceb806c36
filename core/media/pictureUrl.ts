/** Where the HTTP server serves kept pictures (`GET /media/{id}`). */
export const MEDIA_PATH = '/media';

/** The public address of a kept picture, which Viber and Telegram fetch it by. */
export function pictureUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${MEDIA_PATH}/${encodeURIComponent(id)}`;
}

/** The picture id a URL of ours names (whatever the host it was written with), or null for any other address. */
export function pictureIdOf(url: string): string | null {
  return /\/media\/([A-Za-z0-9_-]{22}\.(?:jpg|png|webp))$/.exec(url)?.[1] ?? null;
}
