import type { FastifyInstance } from 'fastify';
import type { PublishedImages } from '../../core/media/mediaPorts.ts';
import type { PublishImage } from './renderViberReply.ts';

export const VIBER_IMAGES_PATH = '/viber/images';
/** Viber fetches a picture when it is sent; the link need not outlive a retry or two. */
const IMAGE_LIFETIME_MS = 15 * 60 * 1000;
/** Viber wants the picture's type in the last path segment. */
const IMAGE_NAME = /^([A-Za-z0-9_-]{22})\.png$/;

/** Publishes a reply's picture under PUBLIC_URL at a random, short-lived URL. */
export function viberImagePublisher(images: PublishedImages, publicUrl: string, clock: () => Date): PublishImage {
  const base = `${publicUrl.replace(/\/+$/, '')}${VIBER_IMAGES_PATH}`;
  return async (png) => {
    const id = await images.publish(png, new Date(clock().getTime() + IMAGE_LIFETIME_MS));
    return `${base}/${id}.png`;
  };
}

/** `GET /viber/images/<id>.png`: the picture while it lives, else 404 (the same for an id that never was). */
export function registerViberImages(server: FastifyInstance, images: PublishedImages, clock: () => Date): void {
  server.get<{ Params: { name: string } }>(`${VIBER_IMAGES_PATH}/:name`, async (request, reply) => {
    const id = IMAGE_NAME.exec(request.params.name)?.[1];
    const png = id ? await images.read(id, clock()) : null;
    if (!png) return reply.code(404).send({ error: 'no such picture' });
    return reply.type('image/png').header('cache-control', 'no-store').send(Buffer.from(png));
  });
}
