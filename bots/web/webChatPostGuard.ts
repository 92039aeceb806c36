import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLimit } from '../../app/requestLimit.ts';
import { localeFromHint } from '../../core/i18n/locale.ts';
import type { Inbound } from '../../core/inbound.ts';
import { isSameOrigin } from './isSameOrigin.ts';
import { pageTexts } from './pageTexts.ts';
import type { Visitors, WebChatOptions } from './registerWebChat.ts';
import { renderWebChatReply } from './renderWebChatReply.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the web chat's post guard before the body is read. */
    webVisitor?: string;
  }
}

/** Runs before the body is read; answers 403 or 429 itself, or leaves the visitor's id on the request. */
export type PostGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * What every post of the page passes first: it must come from our own page
 * (a second layer behind the SameSite=Strict cookie), and within the limits
 * per address and per visitor, which messages and photos share. Past them
 * the answer is 429 with Retry-After and a polite notice in the visitor's
 * language; the page waits and resends.
 */
export function createPostGuard(server: FastifyInstance, options: WebChatOptions, visitors: Visitors): PostGuard {
  const byAddress = requestLimit(server, 'webchat-address', options.limits.perAddress, (request) => request.ip);
  const byVisitor = requestLimit(
    server,
    'webchat-visitor',
    options.limits.perVisitor,
    (request) => visitors.existing(request) ?? request.ip,
  );
  return async (request, reply) => {
    if (!isSameOrigin(request, options.publicUrl))
      return reply.code(403).send({ error: 'Messages are accepted only from this site’s own chat page.' });
    const visitor = visitors.of(request, reply);
    const wait = (await byAddress(request)) ?? (await byVisitor(request));
    if (wait !== null)
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .send({ error: 'rate-limited', notice: await noticeFor(options, request, visitor, 'webchat.slowDown') });
    request.webVisitor = visitor;
    return undefined;
  };
}

/** A page notice in the visitor's language (the browser's, for a visitor we do not know yet). */
export async function noticeFor(
  options: WebChatOptions,
  request: FastifyRequest,
  visitor: string | undefined,
  key: string,
): Promise<string> {
  const hint = request.headers['accept-language'];
  const locale = visitor
    ? await options.assistant.localeFor('web', visitor, hint)
    : localeFromHint(hint, options.defaultLocale);
  return options.translator.forLocale(locale)(key);
}

/** The assistant's answer to a post, with the page's texts in the visitor's (possibly new) language. */
export async function answerPost(options: WebChatOptions, request: FastifyRequest, inbound: Inbound) {
  const replies = await options.assistant.handle(inbound);
  const locale = await options.assistant.localeFor('web', inbound.address, request.headers['accept-language']);
  return { replies: replies.map(renderWebChatReply), page: pageTexts(options.translator.forLocale(locale), locale) };
}
