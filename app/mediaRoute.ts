import type { FastifyInstance } from 'fastify';
import type { PictureStore } from '../core/media/mediaPorts.ts';
import { MEDIA_PATH } from '../core/media/pictureUrl.ts';

/**
 * A picture's bytes never change under its id, so caches may keep it; a day,
 * not a year, so that a picture removed (an erased member's entry) does not
 * linger long in a proxy.
 */
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * `GET /media/{id}`: a kept picture, public to whoever knows its random id —
 * Viber and Telegram fetch campaign pictures here, under PUBLIC_URL. The type
 * comes from the store (checked by the bytes on upload), and browsers are
 * told not to guess another.
 */
export function registerMediaRoute(server: FastifyInstance, pictures: PictureStore): void {
  server.get<{ Params: { id: string } }>(`${MEDIA_PATH}/:id`, async (request, reply) => {
    const picture = await pictures.read(request.params.id);
    if (picture === null) return reply.code(404).header('cache-control', 'no-store').send({ error: 'no such picture' });
    return reply
      .type(picture.type)
      .header('cache-control', CACHE_CONTROL)
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(picture.bytes.buffer, picture.bytes.byteOffset, picture.bytes.byteLength));
  });
}
