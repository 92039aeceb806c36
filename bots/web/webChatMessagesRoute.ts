import type { FastifyInstance } from 'fastify';
import { parseWebChatMessage, webChatMessageSchema } from './parseWebChatMessage.ts';
import { answerPost, type PostGuard } from './webChatPostGuard.ts';
import type { WebChatOptions } from './registerWebChat.ts';

/** `POST /webchat/messages`: what the visitor said or pressed, answered with the assistant's replies. */
export function registerWebChatMessages(server: FastifyInstance, options: WebChatOptions, guard: PostGuard): void {
  server.post('/webchat/messages', { onRequest: guard }, async (request, reply) => {
    const visitor = request.webVisitor!;
    const parsed = webChatMessageSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues[0]?.message ?? 'invalid message' });
    return answerPost(options, request, parseWebChatMessage(parsed.data, visitor, request.headers['accept-language']));
  });
}
