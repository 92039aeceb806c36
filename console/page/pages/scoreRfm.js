// RFM segments: each segment's members, share of buyers and share of
// revenue, as a table (with a CSV export and a segment link per row) and as
// a bar chart drawn from the same numbers.
import { api } from '../api.js';
import { chartDrawing } from '../chart.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { csvButton } from './scoreCsv.js';
import { howItIsComputed, panel, percentOf, scoredLine } from './scoreParts.js';
import { segmentButton } from './scoreSegment.js';

export async function rfmView(context) {
  const report = await api('GET', '/reports/rfm');
  return el('div', {}, scoredLine(report.scoredOn), segments(context, report), howItIsComputed('rfm'));
}

function segments(context, report) {
  const name = (segment) => t(`scores.rfm.names.${segment}`);
  const head = [
    t('scores.rfm.segment'),
    t('scores.members'),
    t('scores.rfm.memberShare'),
    t('scores.rfm.revenueShare'),
  ];
  const rows = report.segments.map((s) => [
    name(s.segment),
    s.members,
    percentOf(s.memberShare),
    percentOf(s.revenueShare),
  ]);
  const canLink = context.session.permissions.includes('campaigns');
  const shown = report.segments.map((s, i) => [
    ...rows[i].map(String),
    ...(canLink ? [segmentButton(context, name(s.segment), { rfmSegments: [s.segment] })] : []),
  ]);
  return panel(
    t('scores.rfm.table'),
    el('figure', { class: 'chart' }, chartDrawing(chartOption(report, name), 360)),
    table(t('scores.rfm.table'), canLink ? [...head, t('scores.segmentLink')] : head, shown),
    el('p', { class: 'muted', text: t('scores.rfm.withoutPurchase', { count: report.withoutPurchase }) }),
    csvButton('rfm-segments.csv', head, rows),
  );
}

/** Two bars per segment, in percent: its share of buyers and its share of revenue. */
function chartOption(report, name) {
  const percent = (share) => Math.round((share ?? 0) * 1000) / 10;
  return {
    grid: { left: 120, right: 12, top: 28, bottom: 24 },
    legend: { top: 0 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: report.segments.map((s) => name(s.segment)) },
    series: [
      {
        type: 'bar',
        name: t('scores.rfm.memberShare'),
        data: report.segments.map((s) => percent(s.memberShare)),
        itemStyle: { color: '#2f6f8f' },
      },
      {
        type: 'bar',
        name: t('scores.rfm.revenueShare'),
        data: report.segments.map((s) => percent(s.revenueShare)),
        itemStyle: { color: '#b26a00' },
      },
    ],
  };
}
