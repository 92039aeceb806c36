// Lifetime value: overall and per tier, month of joining or enrolment (chat
// or till), as bars with their table, and the programme's effect: the same
// members' average check and purchase frequency before and after they
// joined in a chat. Each table has a CSV.
import { api } from '../api.js';
import { chartFigure } from '../chart.js';
import { csvLink } from '../csv.js';
import { el, heading, selectField, table } from '../dom.js';
import { t } from '../i18n.js';
import { moneyText, numberText } from './analyticsWords.js';
import { tierName } from './memberWords.js';
import { lastDays, periodForm } from './analyticsPeriod.js';

const GROUPINGS = ['tier', 'joinMonth', 'enrolment'];

export async function render() {
  const state = { ...lastDays(365), groupBy: 'tier' };
  const body = el('div', { class: 'analytics' });
  const select = el(
    'select',
    { name: 'groupBy' },
    ...GROUPINGS.map((key) => el('option', { value: key, text: t(`analytics.ltv.by.${key}`) })),
  );
  select.addEventListener('change', () => {
    state.groupBy = select.value;
    return draw(body, state);
  });
  const form = periodForm('ltv', state, () => draw(body, state));
  await draw(body, state);
  return el(
    'section',
    {},
    heading(t('analytics.ltv.heading')),
    el('p', { class: 'field__help', text: t('analytics.how.ltv') }),
    form,
    selectField(t('analytics.ltv.groupBy'), select),
    body,
  );
}

async function draw(body, state) {
  const report = await api('GET', `/reports/ltv?from=${state.from}&to=${state.to}&groupBy=${state.groupBy}`);
  body.replaceChildren(values(report, state.groupBy), effect(report));
}

function values(report, groupBy) {
  const rows = [{ ...report.overall, key: null }, ...report.groups];
  const label = (row) => (row.key === null ? t('analytics.ltv.everyone') : keyText(groupBy, row.key));
  const head = ['group', 'members', 'monthly', 'lifetime', 'ltv'].map((key) => t(`analytics.ltv.columns.${key}`));
  return el(
    'div',
    { class: 'panel' },
    chartFigure({
      caption: t('analytics.ltv.caption'),
      option: {
        grid: { left: 64, right: 8, top: 12, bottom: 28 },
        xAxis: { type: 'category', data: rows.map(label) },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: rows.map((row) => (row.ltv ?? 0) / 100), itemStyle: { color: '#2f6f8f' } }],
      },
      head,
      rows: rows.map((row) => [
        label(row),
        numberText(row.members),
        moneyText(row.averageMonthlySpend, report.currency),
        numberText(row.averageLifetimeMonths),
        moneyText(row.ltv, report.currency),
      ]),
    }),
    csvLink(
      `ltv-${groupBy}-${report.period.from}-${report.period.to}.csv`,
      ['group', 'members', 'averageMonthlySpend', 'averageLifetimeMonths', 'ltv'],
      rows.map((row) => [
        row.key ?? 'all',
        row.members,
        row.averageMonthlySpend === null ? '' : row.averageMonthlySpend / 100,
        row.averageLifetimeMonths ?? '',
        row.ltv === null ? '' : row.ltv / 100,
      ]),
    ),
  );
}

function effect(report) {
  const { effect: e, currency } = report;
  const head = ['side', 'averageCheck', 'frequency'].map((key) => t(`analytics.effect.columns.${key}`));
  const rows = ['before', 'after'].map((side) => [
    t(`analytics.effect.${side}`),
    moneyText(e[side].averageCheck, currency),
    numberText(e[side].frequency),
  ]);
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('analytics.effect.heading') }),
    el('p', { class: 'field__help', text: t('analytics.how.effect') }),
    el('p', { text: t('analytics.effect.members', { count: e.members, n: numberText(e.members) }) }),
    table(t('analytics.effect.caption'), head, rows),
    csvLink(
      `effect-${report.period.from}-${report.period.to}.csv`,
      ['side', 'averageCheck', 'frequency'],
      ['before', 'after'].map((side) => [
        side,
        e[side].averageCheck === null ? '' : e[side].averageCheck / 100,
        e[side].frequency ?? '',
      ]),
    ),
  );
}

function keyText(groupBy, key) {
  if (groupBy === 'enrolment') return t(`analytics.ltv.enrolment.${key}`);
  if (groupBy === 'tier') return key === '' ? t('analytics.ltv.noTier') : tierName(key);
  return key;
}
