// The period picker the analytics pages share: two days, both included, in
// the programme's calendar, like the API's `from` and `to`.
import { el } from '../dom.js';
import { t } from '../i18n.js';

const DAY_MS = 86_400_000;

/** The last `days` days ending today, as `from`/`to` (YYYY-MM-DD). */
export function lastDays(days) {
  const today = new Date();
  return { from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDay(today) };
}

/** A form with the two days; `redraw` runs with the state updated once both are set and in order. */
export function periodForm(id, state, redraw) {
  const from = el('input', { type: 'date', id: `${id}-from`, value: state.from, required: true });
  const to = el('input', { type: 'date', id: `${id}-to`, value: state.to, required: true });
  const problem = el('p', { class: 'field__error', id: `${id}-problem`, role: 'status' });
  to.setAttribute('aria-describedby', problem.id);
  const node = el(
    'form',
    { class: 'analytics__period', 'aria-label': t('analytics.period.label') },
    el('div', { class: 'field' }, el('label', { for: from.id, text: t('analytics.period.from') }), from),
    el('div', { class: 'field' }, el('label', { for: to.id, text: t('analytics.period.to') }), to),
    el('button', { type: 'submit', text: t('analytics.period.show') }),
    problem,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wrong = !from.value || !to.value || from.value > to.value;
    problem.textContent = wrong ? t('analytics.period.fromAfterTo') : '';
    if (wrong) return to.setAttribute('aria-invalid', 'true');
    to.removeAttribute('aria-invalid');
    Object.assign(state, { from: from.value, to: to.value });
    await redraw();
  });
  return node;
}

function isoDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
