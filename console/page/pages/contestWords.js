// How the contest pages word a contest: its texts in the reader's language,
// its phase, dates and counts.
import { language, t } from '../i18n.js';
import { textIn } from '../wording.js';

export { textIn, timeNode } from '../wording.js';

export function titleOf(title) {
  return textIn(title) || t('contests.untitled');
}

export function phaseNode(phase) {
  return el('span', `contest__phase contest__phase--${phase}`, t(`contests.phase.${phase}`));
}

export function statusNode(status) {
  return el('span', `contest__status contest__status--${status}`, t(`contests.status.${status}`));
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
