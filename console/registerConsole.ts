import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  'wording.js': SCRIPT,
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
  'pages/scores.js': SCRIPT,
  'pages/scoreStages.js': SCRIPT,
  'pages/scoreQuadrant.js': SCRIPT,
  'pages/scoreRfm.js': SCRIPT,
  'pages/scoreParts.js': SCRIPT,
  'pages/scoreCsv.js': SCRIPT,
  'pages/scoreSegment.js': SCRIPT,
  'csv.js': SCRIPT,
  'pages/analytics.js': SCRIPT,
  'pages/analyticsOverview.js': SCRIPT,
  'pages/analyticsCohorts.js': SCRIPT,
  'pages/analyticsLtv.js': SCRIPT,
  'pages/analyticsPeriod.js': SCRIPT,
  'pages/analyticsWords.js': SCRIPT,
  'pages/quizzes.js': SCRIPT,
  'pages/quizList.js': SCRIPT,
  'pages/quizEditor.js': SCRIPT,
  'pages/quizForm.js': SCRIPT,
  'pages/quizAudience.js': SCRIPT,
  'pages/quizQuestion.js': SCRIPT,
  'pages/quizRows.js': SCRIPT,
  'pages/quizTexts.js': SCRIPT,
  'pages/quizWarnings.js': SCRIPT,
  'pages/quizProblems.js': SCRIPT,
  'pages/quizResults.js': SCRIPT,
  'pages/quizClose.js': SCRIPT,
  'pages/quizWords.js': SCRIPT,
  'pages/surveySend.js': SCRIPT,
  'pages/programFields.js': SCRIPT,
  'pages/programForm.js': SCRIPT,
  'pages/programPreview.js': SCRIPT,
  'pages/programTiers.js': SCRIPT,
  'pages/desk.js': SCRIPT,
  'pages/deskTicket.js': SCRIPT,
  'pages/deskWords.js': SCRIPT,
  'pages/members.js': SCRIPT,
  'pages/memberPage.js': SCRIPT,
  'pages/memberHistory.js': SCRIPT,
  'pages/memberDetails.js': SCRIPT,
  'pages/memberAdjust.js': SCRIPT,
  'pages/memberPrivacy.js': SCRIPT,
  'pages/memberWords.js': SCRIPT,
  'pages/password.js': SCRIPT,
  'pages/segments.js': SCRIPT,
  'pages/segmentList.js': SCRIPT,
  'pages/segmentEditor.js': SCRIPT,
  'pages/segmentFilterForm.js': SCRIPT,
  'pages/segmentFilterControls.js': SCRIPT,
  'pages/segmentPreview.js': SCRIPT,
  'pages/segmentWords.js': SCRIPT,
  'pages/campaigns.js': SCRIPT,
  'pages/campaignList.js': SCRIPT,
  'pages/campaignEditor.js': SCRIPT,
  'pages/campaignForm.js': SCRIPT,
  'pages/campaignTexts.js': SCRIPT,
  'pages/campaignPicture.js': SCRIPT,
  'pages/campaignSegment.js': SCRIPT,
  'pages/campaignButtons.js': SCRIPT,
  'pages/campaignSchedule.js': SCRIPT,
  'pages/campaignPreview.js': SCRIPT,
  'pages/previewedForm.js': SCRIPT,
  'pages/campaignProblems.js': SCRIPT,
  'pages/campaignReport.js': SCRIPT,
  'pages/campaignControls.js': SCRIPT,
  'pages/campaignProgress.js': SCRIPT,
  'pages/campaignResults.js': SCRIPT,
  'pages/campaignTime.js': SCRIPT,
  'pages/campaignWords.js': SCRIPT,
  'pages/draws.js': SCRIPT,
  'pages/drawList.js': SCRIPT,
  'pages/drawForm.js': SCRIPT,
  'pages/drawPage.js': SCRIPT,
  'pages/drawWords.js': SCRIPT,
  'pages/drawEntry.js': SCRIPT,
  'pages/drawPrize.js': SCRIPT,
  'pages/drawFields.js': SCRIPT,
  'pages/automations.js': SCRIPT,
  'pages/automationList.js': SCRIPT,
  'pages/automationSwitch.js': SCRIPT,
  'pages/automationEditor.js': SCRIPT,
  'pages/automationForm.js': SCRIPT,
  'pages/automationWords.js': SCRIPT,
  'pages/contests.js': SCRIPT,
  'pages/contestOverview.js': SCRIPT,
  'pages/contestQueue.js': SCRIPT,
  'pages/contestList.js': SCRIPT,
  'pages/contestStandings.js': SCRIPT,
  'pages/contestForm.js': SCRIPT,
  'pages/contestWords.js': SCRIPT,
  'chart.js': SCRIPT,
};

/**
 * Libraries the page loads, from node_modules (the console works offline: no
 * CDN). Their versions are pinned by the lockfile, so browsers may keep them.
 */
const require = createRequire(import.meta.url);
const vendor: Record<string, string> = {
  'vendor/echarts.js': require.resolve('echarts/dist/echarts.esm.min'),
};

/**
 * The console's own policy: scripts and styles from this server only, and
 * never inside a frame (the web chat may be embedded by a shop; the console
 * must not be, or a page could trick a signed-in owner into clicks).
 */
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ConsoleOptions {
  defaultLocale: Locale;
  /** The programme's IANA zone: a campaign is scheduled on the shop's wall clock, not the reader's. */
  timezone: string;
}

/**
 * The web console at /admin: one page and its assets, no build step. It
 * talks only to the REST API (/api/v1/…), which checks the session and the
 * role of every call; the page merely hides what the role cannot do.
 */
export function registerConsole(server: FastifyInstance, options: ConsoleOptions): void {
  const page = readFileSync(new URL('index.html', pageDir), 'utf8');
  const bodies = new Map(Object.keys(assets).map((file) => [file, readFileSync(new URL(file, pageDir))]));
  const libraries = new Map(Object.entries(vendor).map(([file, path]) => [file, readFileSync(path)]));
  const texts = new Map(locales.map((locale) => [locale, JSON.stringify(consoleTexts(locale))]));
  const send = (reply: FastifyReply, type: string, body: string | Buffer, cache = 'no-store') =>
    reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-frame-options', 'DENY')
      .header('cache-control', cache)
      .type(`${type}; charset=utf-8`)
      .send(body);
  server.get('/admin', (request, reply) => {
    const locale = localeFrom(request.headers['accept-language'], options.defaultLocale);
    return send(reply, 'text/html', page.replace('{{lang}}', locale).replace('{{timezone}}', options.timezone));
  });
  server.get('/admin/', (_request, reply) => reply.redirect('/admin'));
  server.get<{ Params: { '*': string } }>('/admin/assets/*', (request, reply) => {
    const file = request.params['*'];
    const library = libraries.get(file);
    if (library) return send(reply, SCRIPT, library, 'private, max-age=86400');
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
