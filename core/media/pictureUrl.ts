/** Where the HTTP server serves kept pictures (`GET /media/{id}`). */
export const MEDIA_PATH = '/media';

/** The public address of a kept picture, which Viber and Telegram fetch it by. */
export function pictureUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${MEDIA_PATH}/${encodeURIComponent(id)}`;
}
