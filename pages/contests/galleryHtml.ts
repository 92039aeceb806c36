import { phaseOf, rankEntries, type Contest, type EntryStanding } from '../../core/contests/contest.ts';
import { contestText } from '../../core/contests/contestText.ts';
import type { Translate } from '../../core/i18n/translator.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { escapeHtml } from '../pageLocale.ts';

/** How many entries the gallery shows once voting has closed. */
export const TOP_ENTRIES = 12;

export interface GalleryView {
  contest: Contest;
  entries: EntryStanding[];
  now: Date;
  locale: Locale;
  defaultLocale: Locale;
  timezone: string;
  /** Orders the entries shown while votes are still secret, so no place on the page is a better one. */
  shuffle: <T>(items: T[]) => T[];
}

/**
 * The public gallery of a photo or drawing contest. Only approved entries
 * appear. Until the results are in, the entries are shown in a random order
 * without their votes, so the gallery starts no bandwagon; afterwards the
 * top entries by votes, a tie to the earlier submission.
 */
export function galleryHtml(view: GalleryView, t: Translate): string {
  const { contest, locale } = view;
  const title = contestText(contest.title, locale, view.defaultLocale);
  const rules = contestText(contest.rules, locale, view.defaultLocale);
  const phase = phaseOf(contest, view.now);
  const when = (at: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: view.timezone }).format(at);
  const status: Record<typeof phase, string> = {
    upcoming: t('contests.gallery.upcoming', { when: when(contest.submissionsOpenAt) }),
    submissions: t('contests.gallery.submissions', { when: when(contest.submissionsCloseAt) }),
    between: t('contests.gallery.between', { when: when(contest.votingOpensAt) }),
    voting: t('contests.gallery.voting', { when: when(contest.votingClosesAt) }),
    counting: t('contests.gallery.counting'),
    closed: t('contests.gallery.closed'),
  };
  const approved = view.entries.filter((entry) => entry.status === 'approved');
  const shown =
    phase === 'closed'
      ? rankEntries(approved).slice(0, TOP_ENTRIES)
      : phase === 'upcoming'
        ? []
        : view.shuffle(approved);
  const figures = shown.map((entry, index) => figureHtml(entry, phase === 'closed' ? index + 1 : null, contest, t));
  const heading = t(phase === 'closed' ? 'contests.gallery.topHeading' : 'contests.gallery.entriesHeading');
  return `<!doctype html>
<html lang="${locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/contests/assets/gallery.css" />
  </head>
  <body>
    <main>
      <h1>${escapeHtml(title)}</h1>
      ${rules ? `<p class="rules">${escapeHtml(rules)}</p>` : ''}
      <p id="status">${escapeHtml(status[phase])}</p>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">${escapeHtml(heading)}</h2>
        ${figures.length > 0 ? `<ol class="entries">${figures.join('')}</ol>` : `<p>${escapeHtml(t('contests.gallery.noEntries'))}</p>`}
      </section>
    </main>
  </body>
</html>`;
}

function figureHtml(entry: EntryStanding, place: number | null, contest: Contest, t: Translate): string {
  const lines = [
    place !== null ? t('contests.gallery.place', { place, count: entry.votes }) : null,
    entry.caption,
    contest.showAuthorNames ? t('contests.gallery.by', { name: firstName(entry.authorName) }) : null,
  ].filter((line): line is string => Boolean(line));
  const alt = entry.caption ?? t('contests.gallery.pictureAlt');
  return `<li><figure><img src="/media/${encodeURIComponent(entry.pictureId)}" alt="${escapeHtml(alt)}" loading="lazy" /><figcaption>${lines
    .map((line) => `<span>${escapeHtml(line)}</span>`)
    .join('')}</figcaption></figure></li>`;
}

/** Only the first name: the gallery is public. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** A Fisher–Yates shuffle with Math.random: the order only has to differ between visits, not be secret. */
export function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
