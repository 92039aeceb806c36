import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLimit } from '../../app/requestLimit.ts';
import { isSameOrigin } from './isSameOrigin.ts';
import { pageTexts } from './pageTexts.ts';
import { parseWebChatMessage, webChatMessageSchema } from './parseWebChatMessage.ts';
import type { Visitors, WebChatOptions } from './registerWebChat.ts';
import { renderWebChatReply } from './renderWebChatReply.ts';

/**
 * `POST /webchat/messages`: what the visitor said, answered with the
 * assistant's replies. Refused from other sites' pages (403) and, past the
 * per-visitor or per-address limit, answered 429 with Retry-After and a
 * polite notice in the visitor's language; the page waits and resends.
 */
export function registerWebChatMessages(server: FastifyInstance, options: WebChatOptions, visitors: Visitors): void {
  const byAddress = requestLimit(server, 'webchat-address', options.limits.perAddress, (request) => request.ip);
  const byVisitor = requestLimit(server, 'webchat-visitor', options.limits.perVisitor, (request) => visitors.existing(request) ?? request.ip);
  server.post('/webchat/messages', async (request, reply) => {
    if (!isSameOrigin(request, options.publicUrl)) return reply.code(403).send({ error: 'Messages are accepted only from this site’s own chat page.' });
    const visitor = visitors.of(request, reply);
    const wait = (await byAddress(request)) ?? (await byVisitor(request));
    if (wait !== null) return slowDown(request, reply, options, { visitor, wait });
    const parsed = webChatMessageSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues[0]?.message ?? 'invalid message' });
    const inbound = parseWebChatMessage(parsed.data, visitor, request.headers['accept-language']);
    const replies = await options.assistant.handle(inbound);
    const locale = await options.assistant.localeFor('web', visitor, request.headers['accept-language']);
    return { replies: replies.map(renderWebChatReply), page: pageTexts(options.translator.forLocale(locale), locale) };
  });
}

async function slowDown(request: FastifyRequest, reply: FastifyReply, options: WebChatOptions, limited: { visitor: string; wait: number }) {
  const locale = await options.assistant.localeFor('web', limited.visitor, request.headers['accept-language']);
  const notice = options.translator.forLocale(locale)('webchat.slowDown');
  return reply.code(429).header('retry-after', String(limited.wait)).send({ error: 'rate-limited', notice });
}
