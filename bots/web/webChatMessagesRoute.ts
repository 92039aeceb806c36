import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseWebChatMessage, webChatMessageSchema } from './parseWebChatMessage.ts';
import { answerPost, noticeFor, type PostGuard } from './webChatPostGuard.ts';
import type { WebChatOptions } from './registerWebChat.ts';

/** `POST /webchat/messages`: what the visitor said or pressed, answered with the assistant's replies. */
export function registerWebChatMessages(server: FastifyInstance, options: WebChatOptions, guard: PostGuard): void {
  server.post(
    '/webchat/messages',
    { onRequest: guard, errorHandler: unreadableBody(options) },
    async (request, reply) => {
      const visitor = request.webVisitor!;
      const parsed = webChatMessageSchema.safeParse(request.body);
      if (!parsed.success) {
        // The fields, never their values: a message's text is the visitor's own words.
        request.log.warn({ fields: parsed.error.issues.map((issue) => issue.path.join('.')) }, 'web chat post refused');
        return refuse(
          options,
          request,
          reply,
          400,
          parsed.error.issues[0]?.message ?? 'invalid message',
          noticeKey(parsed.error),
        );
      }
      return answerPost(
        options,
        request,
        parseWebChatMessage(parsed.data, visitor, request.headers['accept-language']),
      );
    },
  );
}

/** A text over the length the page allows is told so; anything else the page would not send, as a failed message. */
function noticeKey(error: z.ZodError): string {
  const tooLong = error.issues.some((issue) => issue.code === 'too_big' && issue.path.join('.') === 'event.text');
  return tooLong ? 'webchat.tooLong' : 'webchat.failed';
}

/**
 * A body Fastify could not read (not JSON, another content type, too large)
 * is refused like a malformed message, in the visitor's language. What else
 * fails is our code's, and goes on to the server's own handler.
 */
function unreadableBody(options: WebChatOptions) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode;
    if (status !== 400 && status !== 413 && status !== 415) throw error;
    request.log.warn({ code: error.code, status }, 'web chat post unreadable');
    return refuse(options, request, reply, status, error.message, 'webchat.failed');
  };
}

async function refuse(
  options: WebChatOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  error: string,
  key: string,
): Promise<FastifyReply> {
  const notice = await noticeFor(options, request, request.webVisitor, key);
  return reply.code(status).send({ error, notice });
}
