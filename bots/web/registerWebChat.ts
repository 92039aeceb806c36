import cookie from '@fastify/cookie';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Assistant } from '../../core/assistant.ts';
import type { Translate, Translator } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { parseWebChatMessage, webChatMessageSchema } from './parseWebChatMessage.ts';
import { renderWebChatReply } from './renderWebChatReply.ts';
import { registerWebInbox, type WebInbox } from './webInboxRoute.ts';

export interface WebChatOptions {
  assistant: Assistant;
  translator: Translator;
  defaultLocale: Locale;
  /** Send the visitor cookie only over HTTPS (when PUBLIC_URL is https). */
  secureCookie: boolean;
  /** Messages the outbox delivered to visitors; serves `GET /webchat/inbox` when given. */
  inbox?: WebInbox;
}

const VISITOR_COOKIE = 'loyalty_visitor';
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const pageDir = new URL('./page/', import.meta.url);

/**
 * The web chat: a page served at `/` and one JSON endpoint it posts to.
 * A visitor is known by a random id in an HttpOnly cookie, so nobody can
 * continue someone else's conversation by guessing.
 */
export async function registerWebChat(server: FastifyInstance, options: WebChatOptions): Promise<void> {
  // A scope of its own: only the web chat's routes parse cookies, not the webhooks or the API.
  await server.register(async (scope) => {
    await scope.register(cookie);
    registerRoutes(scope, options);
  });
}

function registerRoutes(server: FastifyInstance, options: WebChatOptions): void {
  const page = readFileSync(new URL('index.html', pageDir), 'utf8');
  const assets = { 'chat.js': 'text/javascript', 'chatInbox.js': 'text/javascript', 'chat.css': 'text/css' } as const;
  server.get('/', async (request, reply) => {
    const locale = await options.assistant.localeFor('web', visitorOf(request, reply, options), request.headers['accept-language']);
    return reply.type('text/html; charset=utf-8').send(localizePage(page, options.translator.forLocale(locale), locale));
  });
  for (const [file, type] of Object.entries(assets)) {
    const body = readFileSync(new URL(file, pageDir));
    server.get(`/webchat/${file}`, (_request, reply) => reply.type(`${type}; charset=utf-8`).send(body));
  }
  server.post('/webchat/messages', async (request, reply) => {
    const parsed = webChatMessageSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues[0]?.message ?? 'invalid message' });
    const inbound = parseWebChatMessage(parsed.data, visitorOf(request, reply, options), request.headers['accept-language']);
    const replies = await options.assistant.handle(inbound);
    return { replies: replies.map(renderWebChatReply) };
  });
  if (options.inbox) registerWebInbox(server, options.inbox, existingVisitor);
}

function existingVisitor(request: FastifyRequest): string | undefined {
  const existing = request.cookies[VISITOR_COOKIE];
  return existing && /^[\w-]{22,64}$/.test(existing) ? existing : undefined;
}

function visitorOf(request: FastifyRequest, reply: FastifyReply, options: WebChatOptions): string {
  const existing = existingVisitor(request);
  if (existing) return existing;
  const id = randomBytes(18).toString('base64url');
  request.cookies[VISITOR_COOKIE] = id;
  void reply.setCookie(VISITOR_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'strict', secure: options.secureCookie, maxAge: ONE_YEAR_S });
  return id;
}

/** Fills `{{webchat.key}}` and `{{lang}}` in the page with the visitor's language. */
function localizePage(page: string, t: Translate, locale: Locale): string {
  return page.replace(/\{\{(lang|webchat\.\w+)\}\}/g, (_match, key: string) => (key === 'lang' ? locale : escapeHtml(t(key))));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
