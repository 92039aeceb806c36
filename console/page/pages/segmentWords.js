// How the segment pages word what they show: member counts with their
// plurals, month names by Intl, and the API's field problems in the
// reader's language (a bound on money in the currency's major units).
import { language, t } from '../i18n.js';

/** "1 member", "1 234 members", the plural chosen for the number. */
export function membersText(count) {
  return t('segments.membersCount', { count, n: new Intl.NumberFormat(language()).format(count) });
}

/** "1 member matches", "5 members match". */
export function matchingText(count) {
  return t('segments.preview.matching', { count, n: new Intl.NumberFormat(language()).format(count) });
}

/** "800 of them agreed to news and offers": whom a campaign may reach. */
export function optedInText(count) {
  return t('segments.preview.optedIn', { count, n: new Intl.NumberFormat(language()).format(count) });
}

/** A month's name on its own (January, not "of January"), 1–12. */
export function monthName(month) {
  return new Intl.DateTimeFormat(language(), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/**
 * A field's problem (an entry of the API's `errors`). `where` is the rest of
 * its pointer below the filter ('/max', '/to', '/0'); `money` says a bound is
 * in minor units and is shown as the person typed it.
 */
export function problemText(problem, { key = '', where = '', money = false } = {}) {
  const reason = problem.reason ?? 'invalid';
  if (reason === 'invalid') return t(`segments.problems.${ownCheck(key, where)}`);
  const bound = money && typeof problem.limit === 'number' ? problem.limit / 100 : problem.limit;
  const limit = typeof bound === 'number' ? new Intl.NumberFormat(language()).format(bound) : '';
  const text = t(`segments.problems.${reason}`, { limit });
  return text === `segments.problems.${reason}` ? t('segments.problems.invalid') : text;
}

/** The filters' own checks come without a reason of their own: which one it was follows from where it points. */
function ownCheck(key, where) {
  if (key === 'tiers') return 'unknownTier';
  if (key === 'enteredContests') return 'unknownContest';
  if (key === 'enteredDraws') return 'unknownDraw';
  if (where === '/max') return 'maxBelowMin';
  if (where === '/to') return 'toBeforeFrom';
  return 'invalid';
}
