import cookie from '@fastify/cookie';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Assistant } from '../../core/assistant.ts';
import type { Translate, Translator } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { SettingsStore } from '../../core/settings/settingsPorts.ts';
import { registerWebChatMessages } from './webChatMessagesRoute.ts';
import { registerWebChatPhotos } from './webChatPhotosRoute.ts';
import { createPostGuard } from './webChatPostGuard.ts';
import type { WebPhotoStore } from './webPhotoStore.ts';
import { registerWebInbox, type WebInbox } from './webInboxRoute.ts';
import { createVisitorIds, type VisitorIds } from './visitorIds.ts';

export interface WebChatOptions {
  assistant: Assistant;
  translator: Translator;
  defaultLocale: Locale;
  /** Send the visitor cookie only over HTTPS (when PUBLIC_URL is https). */
  secureCookie: boolean;
  /** Messages the outbox delivered to visitors; serves `GET /webchat/inbox` when given. */
  inbox?: WebInbox;
  /** Where the secret that signs visitor ids is kept. */
  settings: SettingsStore;
  /** The public base URL; posts whose Origin is this site are ours even behind a proxy that rewrites Host. */
  publicUrl?: string | undefined;
  /** Posts per minute per visitor and per address. */
  limits: { perVisitor: number; perAddress: number };
  /** Where attached photos are kept; serves `POST /webchat/photos` when given. */
  photos?: WebPhotoStore;
}

/** Knows who the visitor of a request is. */
export interface Visitors {
  /** The visitor's id, issuing (and setting the cookie of) a new one when the request has none we signed. */
  of(request: FastifyRequest, reply: FastifyReply): string;
  /** The visitor's id when the request carries one we signed. */
  existing(request: FastifyRequest): string | undefined;
}

const VISITOR_COOKIE = 'loyalty_visitor';
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const pageDir = new URL('./page/', import.meta.url);

/**
 * The web chat: a page served at `/` and one JSON endpoint it posts to.
 * A visitor is known by an id the server issued and signed, in an HttpOnly
 * cookie, so nobody can continue someone else's conversation by guessing
 * or by planting an id of their choosing.
 */
export async function registerWebChat(server: FastifyInstance, options: WebChatOptions): Promise<void> {
  const visitors = cookieVisitors(await createVisitorIds(options.settings), options.secureCookie);
  // A scope of its own: only the web chat's routes parse cookies, not the webhooks or the API.
  await server.register(async (scope) => {
    await scope.register(cookie);
    registerRoutes(scope, options, visitors);
  });
}

function registerRoutes(server: FastifyInstance, options: WebChatOptions, visitors: Visitors): void {
  const page = readFileSync(new URL('index.html', pageDir), 'utf8');
  const script = 'text/javascript';
  const assets = {
    'chat.js': script,
    'chatStore.js': script,
    'chatView.js': script,
    'chatMenu.js': script,
    'chatTexts.js': script,
    'chatPhotos.js': script,
    'chatInbox.js': script,
    'chat.css': 'text/css',
  } as const;
  server.get('/', async (request, reply) => {
    const locale = await options.assistant.localeFor(
      'web',
      visitors.of(request, reply),
      request.headers['accept-language'],
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(localizePage(page, options.translator.forLocale(locale), locale));
  });
  for (const [file, type] of Object.entries(assets)) {
    const body = readFileSync(new URL(file, pageDir));
    server.get(`/webchat/${file}`, (_request, reply) => reply.type(`${type}; charset=utf-8`).send(body));
  }
  const guard = createPostGuard(server, options, visitors);
  registerWebChatMessages(server, options, guard);
  if (options.photos) registerWebChatPhotos(server, { ...options, photos: options.photos }, visitors, guard);
  if (options.inbox) registerWebInbox(server, options.inbox, visitors.existing);
}

function cookieVisitors(ids: VisitorIds, secure: boolean): Visitors {
  const existing = (request: FastifyRequest) => ids.verify(request.cookies[VISITOR_COOKIE]);
  return {
    existing,
    of: (request, reply) => {
      const known = existing(request);
      if (known) return known;
      const issued = ids.issue();
      request.cookies[VISITOR_COOKIE] = issued;
      void reply.setCookie(VISITOR_COOKIE, issued, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure,
        maxAge: ONE_YEAR_S,
      });
      return issued;
    },
  };
}

/** Fills `{{webchat.key}}` and `{{lang}}` in the page with the visitor's language. */
function localizePage(page: string, t: Translate, locale: Locale): string {
  return page.replace(/\{\{(lang|webchat\.\w+)\}\}/g, (_match, key: string) =>
    key === 'lang' ? locale : escapeHtml(t(key)),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
