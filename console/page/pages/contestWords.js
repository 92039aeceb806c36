// How the contest pages word a contest: its texts in the reader's language,
// its phase, dates and counts.
import { formatTime, language, t } from '../i18n.js';

const LANGUAGES = ['ru', 'ro', 'en'];

/** A contest text in the reader's language, else in the first language it has. */
export function textIn(text) {
  if (!text) return '';
  return text[language()] ?? LANGUAGES.map((locale) => text[locale]).find(Boolean) ?? '';
}

export function titleOf(title) {
  return textIn(title) || t('contests.untitled');
}

export function phaseNode(phase) {
  return el('span', `contest__phase contest__phase--${phase}`, t(`contests.phase.${phase}`));
}

export function statusNode(status) {
  return el('span', `contest__status contest__status--${status}`, t(`contests.status.${status}`));
}

export function timeNode(iso) {
  const node = document.createElement('time');
  node.dateTime = iso;
  node.textContent = formatTime(iso);
  return node;
}

export function countText(key, count) {
  return t(key, { count, n: new Intl.NumberFormat(language()).format(count) });
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}
