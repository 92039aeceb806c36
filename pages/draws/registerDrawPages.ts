import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Translator } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { escapeHtml, pageLocale } from '../pageLocale.ts';

const here = new URL('./', import.meta.url);
/** Every file the page loads: nothing else under /draws/assets is served. */
const assets: Record<string, string> = {
  'drawPage.js': 'text/javascript',
  'verifyDraw.js': 'text/javascript',
  'drawPage.css': 'text/css',
};
const TEXT_KEYS = [
  'commitment',
  'beaconSource',
  'seed',
  'beacon',
  'noBeacon',
  'entriesDigest',
  'notYet',
  'drawn',
  'entriesCount',
  'verifying',
  'verified',
  'badCommitment',
  'badDigest',
  'badWinners',
  'lapsedTo',
  'lapsedNone',
  'noCrypto',
  'notFound',
];

/**
 * The public page of a draw, `/draws/{id}`: no sign-in, no CDN, scripts and
 * styles from this server only (the server's CSP), texts in the reader's
 * language. It reads the public result from the REST API and recomputes it
 * with Web Crypto on a press of "Verify".
 */
export function registerDrawPages(
  server: FastifyInstance,
  options: { translator: Translator; defaultLocale: Locale },
): void {
  const page = readFileSync(new URL('drawPage.html', here), 'utf8');
  const bodies = new Map(Object.keys(assets).map((file) => [file, readFileSync(new URL(file, here))]));
  server.get<{ Params: { file: string } }>('/draws/assets/:file', (request, reply) => {
    const body = bodies.get(request.params.file);
    if (!body) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.header('cache-control', 'no-cache').type(`${assets[request.params.file]}; charset=utf-8`).send(body);
  });
  server.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/draws/:id', (request, reply) => {
    const locale = pageLocale(request.query.lang, request.headers['accept-language'], options.defaultLocale);
    const t = options.translator.forLocale(locale);
    const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, t(`draws.page.${key}`)]));
    const fill: Record<string, string> = {
      lang: locale,
      id: request.params.id,
      title: t('draws.page.title'),
      fairnessHeading: t('draws.page.fairnessHeading'),
      fairnessIntro: t('draws.page.fairnessIntro'),
      verify: t('draws.page.verify'),
      winnersHeading: t('draws.page.winnersHeading'),
      entriesHeading: t('draws.page.entriesHeading'),
      texts: JSON.stringify(texts),
    };
    const html = page.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeHtml(fill[key] ?? ''));
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
