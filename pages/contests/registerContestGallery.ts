import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ContestStore } from '../../core/contests/contestsPorts.ts';
import type { Translator } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { escapeHtml, pageLocale } from '../pageLocale.ts';
import { galleryHtml, shuffled } from './galleryHtml.ts';

export interface ContestGalleryOptions {
  contests: Pick<ContestStore, 'find' | 'standings'>;
  translator: Translator;
  defaultLocale: Locale;
  timezone: string;
  now: () => Date;
}

/**
 * The public gallery of a contest, `/contests/{id}`: no sign-in, no script,
 * the pictures from `/media`, texts in the reader's language.
 */
export function registerContestGallery(server: FastifyInstance, options: ContestGalleryOptions): void {
  const css = readFileSync(new URL('gallery.css', import.meta.url));
  server.get('/contests/assets/gallery.css', (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(css),
  );
  server.get<{ Params: { id: string }; Querystring: { lang?: string } }>('/contests/:id', async (request, reply) => {
    const locale = pageLocale(request.query.lang, request.headers['accept-language'], options.defaultLocale);
    const t = options.translator.forLocale(locale);
    const contest = await options.contests.find(request.params.id);
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!contest) {
      const text = escapeHtml(t('contests.gallery.notFound'));
      return reply
        .code(404)
        .send(
          `<!doctype html><html lang="${locale}"><head><meta charset="utf-8" /><title>${text}</title></head><body><main><h1>${text}</h1></main></body></html>`,
        );
    }
    const entries = await options.contests.standings(contest.id);
    return reply.send(
      galleryHtml(
        {
          contest,
          entries,
          now: options.now(),
          locale,
          defaultLocale: options.defaultLocale,
          timezone: options.timezone,
          shuffle: shuffled,
        },
        t,
      ),
    );
  });
}
