// How the quiz pages word a quiz: its texts in the reader's language, its
// status, dates, points, shares and seconds. A quiz's dates are instants
// (ISO in UTC); the datetime-local inputs show and take them in the
// reader's own time zone.
import { language, t } from '../i18n.js';
import { textIn } from '../wording.js';

export { LANGUAGES, textIn, timeNode, localInputValue, isoFromLocal } from '../wording.js';

/** A quiz's title, or a placeholder for one written in no language yet. */
export function titleOf(quiz) {
  return textIn(quiz.title) || t('quizzes.untitled');
}

/**
 * What a marketer needs to know at a glance: a draft; published (members
 * cannot play it at this moment: it opens later, or its closing time passed
 * and the closing job has yet to close it); open now; closed.
 */
export function statusOf(quiz, now = Date.now()) {
  if (quiz.state !== 'published') return quiz.state;
  const open = Date.parse(quiz.opensAt) <= now && now < Date.parse(quiz.closesAt);
  return open ? 'open' : 'published';
}

export function statusText(quiz) {
  return t(`quizzes.status.${statusOf(quiz)}`);
}

export function languageName(locale) {
  return t(`quizzes.languages.${locale}`);
}

export function pointsText(count) {
  return t('quizzes.points', { count, n: new Intl.NumberFormat(language()).format(count) });
}

/** A share of 1 as a whole percent, 0.6667 → "67%" (or "67 %", as the language writes it). */
export function percentText(share) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function secondsText(seconds) {
  const n = new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(seconds);
  return t('quizzes.seconds', { n });
}
