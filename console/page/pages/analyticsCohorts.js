// Cohort retention as a heatmap with numbers: one row per month of joining,
// one column per month since, each cell the share of the cohort who bought
// then and how many they were, shaded by that share. The table is the
// picture, so a screen reader reads the same numbers; a CSV has them too.
import { api } from '../api.js';
import { csvLink } from '../csv.js';
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { numberText, percentText } from './analyticsWords.js';
import { lastDays, periodForm } from './analyticsPeriod.js';

export async function render() {
  const state = lastDays(365);
  const body = el('div', { class: 'analytics' });
  const form = periodForm('cohorts', state, () => draw(body, state));
  await draw(body, state);
  return el(
    'section',
    {},
    heading(t('analytics.cohorts.heading')),
    el('p', { class: 'field__help', text: t('analytics.how.retention') }),
    form,
    body,
  );
}

async function draw(body, state) {
  const { cohorts, period } = await api('GET', `/reports/cohorts?from=${state.from}&to=${state.to}`);
  const width = Math.max(0, ...cohorts.map((c) => c.months.length));
  const offsets = Array.from({ length: width }, (_, offset) => offset);
  body.replaceChildren(
    heatmap(cohorts, offsets),
    csvLink(
      `cohorts-${period.from}-${period.to}.csv`,
      ['joinMonth', 'members', ...offsets.map((offset) => `month${offset}`)],
      cohorts.map((c) => [c.joinMonth, c.members, ...offsets.map((offset) => c.months[offset]?.buyers ?? '')]),
    ),
  );
}

function heatmap(cohorts, offsets) {
  const caption = t('analytics.cohorts.caption');
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      { class: 'heatmap' },
      el('caption', { text: caption }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col', text: t('analytics.cohorts.joined') }),
          el('th', { scope: 'col', text: t('analytics.cohorts.members') }),
          ...offsets.map((offset) => el('th', { scope: 'col', text: t('analytics.cohorts.month', { n: offset }) })),
        ),
      ),
      el('tbody', {}, ...cohorts.map((cohort) => row(cohort, offsets))),
    ),
  );
}

function row(cohort, offsets) {
  return el(
    'tr',
    {},
    el('th', { scope: 'row', text: cohort.joinMonth }),
    el('td', { text: numberText(cohort.members) }),
    ...offsets.map((offset) => cell(cohort.months[offset])),
  );
}

function cell(month) {
  if (!month) return el('td', {});
  const node = el('td', {
    class: 'heatmap__cell',
    text: t('analytics.cohorts.cell', { share: percentText(month.share), buyers: month.buyers }),
  });
  // CSSOM, not a style attribute (the console's policy forbids inline styles): darker for a larger share,
  // never so dark that the dark text loses its contrast.
  node.style.backgroundColor = `hsl(200 55% ${97 - (month.share ?? 0) * 0.35}%)`;
  return node;
}
