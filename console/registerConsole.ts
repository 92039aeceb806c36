import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isLocale, locales, type Locale } from '../core/i18n/locale.ts';
import { consoleTexts } from './consoleTexts.ts';

const pageDir = new URL('./page/', import.meta.url);
const SCRIPT = 'text/javascript';
/** Every file the page loads, with its type: nothing else under /admin/assets is served. */
const assets: Record<string, string> = {
  'console.css': 'text/css',
  'console.js': SCRIPT,
  'api.js': SCRIPT,
  'dom.js': SCRIPT,
  'i18n.js': SCRIPT,
  'router.js': SCRIPT,
  'pages/signIn.js': SCRIPT,
  'pages/firstRun.js': SCRIPT,
  'pages/setUp.js': SCRIPT,
  'pages/home.js': SCRIPT,
  'pages/accounts.js': SCRIPT,
  'pages/audit.js': SCRIPT,
  'pages/program.js': SCRIPT,
  'pages/surveys.js': SCRIPT,
  'pages/surveyCharts.js': SCRIPT,
  'pages/programFields.js': SCRIPT,
  'pages/programForm.js': SCRIPT,
  'pages/programPreview.js': SCRIPT,
  'pages/programTiers.js': SCRIPT,
  'pages/desk.js': SCRIPT,
  'pages/deskTicket.js': SCRIPT,
  'pages/deskWords.js': SCRIPT,
  'pages/password.js': SCRIPT,
};

/**
 * The console's own policy: scripts and styles from this server only, and
 * never inside a frame (the web chat may be embedded by a shop; the console
 * must not be, or a page could trick a signed-in owner into clicks).
 */
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The web console at /admin: one page and its assets, no build step. It
 * talks only to the REST API (/api/v1/…), which checks the session and the
 * role of every call; the page merely hides what the role cannot do.
 */
export function registerConsole(server: FastifyInstance, options: { defaultLocale: Locale }): void {
  const page = readFileSync(new URL('index.html', pageDir), 'utf8');
  const bodies = new Map(Object.keys(assets).map((file) => [file, readFileSync(new URL(file, pageDir))]));
  const texts = new Map(locales.map((locale) => [locale, JSON.stringify(consoleTexts(locale))]));
  const send = (reply: FastifyReply, type: string, body: string | Buffer) =>
    reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-store')
      .type(`${type}; charset=utf-8`)
      .send(body);
  server.get('/admin', (request, reply) => {
    const locale = localeFrom(request.headers['accept-language'], options.defaultLocale);
    return send(reply, 'text/html', page.replace('{{lang}}', locale));
  });
  server.get('/admin/', (_request, reply) => reply.redirect('/admin'));
  server.get<{ Params: { '*': string } }>('/admin/assets/*', (request, reply) => {
    const file = request.params['*'];
    const body = bodies.get(file);
    if (!body) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return send(reply, assets[file]!, body);
  });
  server.get<{ Params: { locale: string } }>('/admin/texts/:locale', (request, reply) => {
    const locale = request.params.locale.replace(/\.json$/, '');
    if (!isLocale(locale)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return send(reply, 'application/json', texts.get(locale)!);
  });
}

/** The first language the browser asks for that the console speaks. */
function localeFrom(header: string | undefined, fallback: Locale): Locale {
  for (const part of (header ?? '').split(',')) {
    const language = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return fallback;
}
