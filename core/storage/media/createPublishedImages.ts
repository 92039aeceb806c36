import { randomBytes } from 'node:crypto';
import type { PublishedImages } from '../../media/mediaPorts.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * Published pictures in the database, so that whichever instance Viber's
 * fetch reaches can serve a picture another instance sent. Expired rows
 * are removed as new ones are written.
 */
export function createPublishedImages(db: Database): PublishedImages {
  return {
    async publish(png, expiresAt) {
      const id = randomBytes(16).toString('base64url');
      await db.prisma.publishedImage.deleteMany({ where: { expiresAt: { lte: new Date() } } });
      await db.prisma.publishedImage.create({ data: { id, png: Buffer.from(png), expiresAt } });
      return id;
    },
    async read(id, now) {
      const image = await db.prisma.publishedImage.findFirst({ where: { id, expiresAt: { gt: now } } });
      return image ? new Uint8Array(image.png) : null;
    },
  };
}
