// What every section words the same way: a text written per language in the
// reader's, an instant as a <time>, and the datetime-local inputs' wall-clock
// values (the reader's own time zone) to and from ISO instants.
import { formatTime, language } from './i18n.js';

/** The languages texts are written in, in the order forms show them. */
export const LANGUAGES = ['ru', 'ro', 'en'];

/** A text in the reader's language, else in the first language it has. */
export function textIn(text) {
  if (!text) return '';
  return text[language()] ?? LANGUAGES.map((locale) => text[locale]).find(Boolean) ?? '';
}

export function timeNode(iso) {
  const node = document.createElement('time');
  node.dateTime = iso;
  node.textContent = formatTime(iso);
  return node;
}

/** An instant (ISO or Date) as a datetime-local input shows it: the reader's wall-clock time, to the minute. */
export function localInputValue(instant) {
  const at = new Date(instant);
  const two = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** A datetime-local value (the reader's wall-clock time) as an ISO instant; null when empty or unreadable. */
export function isoFromLocal(value) {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
