// Customer stages: the funnel from first visit to loyalty with the
// conversion between stages, and each stage's size by month, each chart with
// its numbers as a table, a CSV export and a segment link per stage.
import { api } from '../api.js';
import { chartDrawing } from '../chart.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { csvButton } from './scoreCsv.js';
import { howItIsComputed, panel, percentOf, scoredLine } from './scoreParts.js';
import { segmentButton } from './scoreSegment.js';

const STAGES = [1, 2, 3, 4, 5];
const COLOURS = ['#9e9e9e', '#6d8fa8', '#2f6f8f', '#7b5ea7', '#2e7d32'];

export async function stagesView(context) {
  const today = new Date();
  const state = { from: isoDay(new Date(today.getFullYear() - 1, today.getMonth() + 1, 1)), to: isoDay(today) };
  const body = el('div');
  const draw = async () => body.replaceChildren(...(await parts(context, state)));
  await draw();
  return el('div', {}, periodForm(state, draw), body, howItIsComputed('stages'));
}

async function parts(context, state) {
  const report = await api('GET', `/reports/stages?from=${state.from}&to=${state.to}`);
  const { purchasesPerMonth: perMonth, months } = report.attachment;
  const rule = t('scores.stages.rule', { perMonth, months });
  return [scoredLine(report.scoredOn), el('p', { text: rule }), funnel(context, report), trend(report)];
}

function funnel(context, report) {
  const name = (stage) => `${stage}. ${t(`scores.stage.${stage}`)}`;
  const head = [
    t('scores.stages.stage'),
    t('scores.members'),
    t('scores.stages.reached'),
    t('scores.stages.conversion'),
  ];
  const rows = report.stages.map((row) => [name(row.stage), row.members, row.reached, percentOf(row.conversion)]);
  const option = {
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        label: { position: 'inside', formatter: '{b}: {c}' },
        data: report.stages.map((row, i) => ({
          name: name(row.stage),
          value: row.reached,
          itemStyle: { color: COLOURS[i] },
        })),
      },
    ],
  };
  const canLink = context.session.permissions.includes('campaigns');
  const link = (stage) => segmentButton(context, name(stage), { stages: [stage] });
  const shown = rows.map((cells, i) => [...cells.map(String), ...(canLink ? [link(STAGES[i])] : [])]);
  return panel(
    t('scores.stages.funnel'),
    el('figure', { class: 'chart' }, chartDrawing(option, 240)),
    table(t('scores.stages.funnel'), canLink ? [...head, t('scores.segmentLink')] : head, shown),
    csvButton('customer-stages.csv', head, rows),
  );
}

function trend(report) {
  const head = [t('scores.stages.month'), ...STAGES.map((stage) => t(`scores.stage.${stage}`))];
  const rows = report.trend.map((month) => [month.month, ...STAGES.map((stage) => month.members[stage])]);
  if (rows.length === 0)
    return panel(t('scores.stages.trend'), el('p', { class: 'muted', text: t('scores.stages.noTrend') }));
  const option = {
    grid: { left: 40, right: 8, top: 28, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: report.trend.map((month) => month.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STAGES.map((stage, i) => ({
      type: 'line',
      name: t(`scores.stage.${stage}`),
      data: report.trend.map((month) => month.members[stage]),
      itemStyle: { color: COLOURS[i] },
    })),
  };
  return panel(
    t('scores.stages.trend'),
    el('figure', { class: 'chart' }, chartDrawing(option, 260)),
    table(
      t('scores.stages.trend'),
      head,
      rows.map((cells) => cells.map(String)),
    ),
    csvButton('customer-stages-by-month.csv', head, rows),
  );
}

function periodForm(state, redraw) {
  const from = el('input', { type: 'date', id: 'stages-from', value: state.from, required: true });
  const to = el('input', { type: 'date', id: 'stages-to', value: state.to, required: true });
  const node = el(
    'form',
    { class: 'surveys__period', 'aria-label': t('scores.stages.period') },
    el('div', { class: 'field' }, el('label', { for: from.id, text: t('scores.stages.from') }), from),
    el('div', { class: 'field' }, el('label', { for: to.id, text: t('scores.stages.to') }), to),
    el('button', { type: 'submit', text: t('scores.stages.show') }),
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!from.value || !to.value || from.value > to.value) return to.setAttribute('aria-invalid', 'true');
    to.removeAttribute('aria-invalid');
    Object.assign(state, { from: from.value, to: to.value });
    await redraw();
  });
  return node;
}

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
