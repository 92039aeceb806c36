// How the quiz pages word a quiz: its texts in the reader's language, its
// status, dates, points, shares and seconds. A quiz's dates are instants
// (ISO in UTC); the datetime-local inputs show and take them in the
// reader's own time zone.
import { formatTime, language, t } from '../i18n.js';

/** The languages a quiz is written in, in the order the editor shows them. */
export const LANGUAGES = ['ru', 'ro', 'en'];

/** A quiz text in the reader's language, else in the first language it has. */
export function textIn(text) {
  if (!text) return '';
  return text[language()] ?? LANGUAGES.map((locale) => text[locale]).find(Boolean) ?? '';
}

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

export function timeNode(iso) {
  const node = document.createElement('time');
  node.dateTime = iso;
  node.textContent = formatTime(iso);
  return node;
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

/** An instant as a datetime-local input shows it: the reader's wall-clock time, to the minute. */
export function localInputValue(iso) {
  const at = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** A datetime-local value (the reader's wall-clock time) as an ISO instant; null when empty or unreadable. */
export function isoFromLocal(value) {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
