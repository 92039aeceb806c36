// What the three score pages share: the day the scores are of, the
// "how it is computed" lines, shares as percentages, and the button that
// recomputes the scores now.
import { api } from '../api.js';
import { el, notice } from '../dom.js';
import { t } from '../i18n.js';

export function scoredLine(scoredOn) {
  return el('p', { class: 'muted', text: scoredOn ? t('scores.scoredOn', { day: scoredOn }) : t('scores.notScored') });
}

/** The lines of `scores.<part>.howLines`, under a heading of their own. */
export function howItIsComputed(part) {
  const lines = [];
  for (let i = 0; t(`scores.${part}.howLines.${i}`) !== `scores.${part}.howLines.${i}`; i += 1)
    lines.push(el('li', { text: t(`scores.${part}.howLines.${i}`) }));
  return el('div', { class: 'panel' }, el('h2', { text: t('scores.how') }), el('ul', {}, ...lines));
}

/** A share from 0 to 1 as "42.5 %"; a dash when there is nothing to share. */
export function percentOf(share) {
  if (share === null || share === undefined) return t('scores.none');
  return t('scores.percent', { value: Math.round(share * 1000) / 10 });
}

/** POST /reports/scores/refresh, and what it said. */
export function refreshButton() {
  const status = el('div');
  const button = el('button', { type: 'button', text: t('scores.refresh') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    const answer = await api('POST', '/reports/scores/refresh');
    status.replaceChildren(notice(t(answer.started ? 'scores.refreshStarted' : 'scores.refreshRunning')));
    button.disabled = false;
  });
  return el('div', { class: 'actions' }, button, status);
}

/** A panel: a heading, then its parts. */
export function panel(title, ...children) {
  return el('div', { class: 'panel' }, el('h2', { text: title }), ...children);
}
