import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { imageTypeOf } from '../../core/imageTypeOf.ts';
import type { Visitors, WebChatOptions } from './registerWebChat.ts';
import { answerPost, noticeFor, type PostGuard } from './webChatPostGuard.ts';
import type { WebPhotoStore } from './webPhotoStore.ts';

/** JPEG, PNG and WebP up to 10 MB, as the page promises. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const BODY_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];
/** A caption as long as Telegram's; it travels in the query, which stays well under any URL limit. */
export const MAX_CAPTION_LENGTH = 1024;
const query = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[\\w-]{8,64}$' },
    caption: { type: 'string', maxLength: MAX_CAPTION_LENGTH },
  },
  required: ['id'],
  additionalProperties: false,
} as const;

/**
 * `POST /webchat/photos?id=<message id>&caption=<text>`: a photo the visitor
 * attached, as the request body, with the caption they typed beside it. It
 * is checked by its bytes, kept, and handed to the core as a photo, which
 * relays it to an open ticket or takes it as a contest entry, like a
 * Telegram photo with its caption.
 */
export function registerWebChatPhotos(
  server: FastifyInstance,
  options: WebChatOptions & { photos: WebPhotoStore },
  visitors: Visitors,
  guard: PostGuard,
): void {
  const { photos } = options;
  purgeOldPhotosHourly(server, photos);
  server.addContentTypeParser(BODY_TYPES, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  server.post<{ Querystring: { id: string; caption?: string } }>(
    '/webchat/photos',
    {
      onRequest: guard,
      schema: { querystring: query },
      bodyLimit: MAX_PHOTO_BYTES,
      errorHandler: refusal(options, visitors),
    },
    async (request, reply) => {
      const visitor = request.webVisitor!;
      const bytes = request.body;
      if (!(bytes instanceof Uint8Array) || imageTypeOf(bytes) === null)
        return refuse(reply, 415, await noticeFor(options, request, visitor, 'webchat.photoType'));
      const fileId = await photos.put(bytes);
      const caption = request.query.caption?.trim();
      const inbound = {
        channel: 'web' as const,
        address: visitor,
        updateId: `${visitor}:${request.query.id}`,
        repliesInResponse: true,
        event: { kind: 'photo' as const, fileId, ...(caption && { caption }) },
      };
      return answerPost(options, request, {
        ...inbound,
        ...(request.headers['accept-language'] && { languageHint: request.headers['accept-language'] }),
      });
    },
  );
}

const HOUR_MS = 3_600_000;
/** Long after the desk has posted a photo to its ticket's thread. */
const PHOTO_RETENTION_MS = 30 * 24 * HOUR_MS;

function purgeOldPhotosHourly(server: FastifyInstance, photos: WebPhotoStore): void {
  const purge = () => {
    photos
      .purgeOlderThan(PHOTO_RETENTION_MS, new Date())
      .catch((error: unknown) => server.log.warn({ err: error }, 'could not purge old web chat photos'));
  };
  const timer = setInterval(purge, HOUR_MS).unref();
  server.addHook('onClose', async () => clearInterval(timer));
}

/** What Fastify refuses before the handler (too large, not a picture type, no id) is said in the visitor's language too. */
function refusal(options: WebChatOptions, visitors: Visitors) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode === 413 ? 413 : error.statusCode === 415 ? 415 : 400;
    if (status === 400) request.log.warn({ reason: error.message }, 'web chat photo refused');
    const key = status === 413 ? 'webchat.photoTooLarge' : status === 415 ? 'webchat.photoType' : 'webchat.failed';
    return refuse(reply, status, await noticeFor(options, request, visitors.existing(request), key));
  };
}

function refuse(reply: FastifyReply, status: number, notice: string): FastifyReply {
  return reply
    .code(status)
    .send({ error: status === 413 ? 'too-large' : status === 415 ? 'not-a-photo' : 'invalid', notice });
}
