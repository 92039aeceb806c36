// The loyalty square (Dick & Basu): the 2×2 of attachment × purchase
// frequency with counts and shares, a scatter of members, the cells as a
// table with a CSV export, and a segment link per cell ("win back the
// false-loyal, activate the latent").
import { api } from '../api.js';
import { chartDrawing } from '../chart.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { csvButton } from './scoreCsv.js';
import { howItIsComputed, panel, percentOf, scoredLine } from './scoreParts.js';
import { segmentButton } from './scoreSegment.js';

const QUADRANTS = ['true', 'latent', 'false', 'none'];
const COLOURS = { true: '#2e7d32', latent: '#2f6f8f', false: '#b26a00', none: '#8a8a8a' };

export async function quadrantView(context) {
  const report = await api('GET', '/reports/quadrant');
  return el(
    'div',
    {},
    scoredLine(report.scoredOn),
    square(report),
    cells(context, report),
    scatter(report),
    howItIsComputed('quadrant'),
  );
}

/** The 2×2 itself: attached or not (rows) × buys often or rarely (columns). */
function square(report) {
  const cell = (quadrant) => {
    const found = report.cells.find((c) => c.quadrant === quadrant);
    return `${t(`scores.quadrant.names.${quadrant}`)}: ${found.members} (${percentOf(found.share)})`;
  };
  return table(
    t('scores.quadrant.cells'),
    ['', t('scores.quadrant.often'), t('scores.quadrant.rarely')],
    [
      [t('scores.quadrant.attached'), cell('true'), cell('latent')],
      [t('scores.quadrant.notAttached'), cell('false'), cell('none')],
    ],
  );
}

function cells(context, report) {
  const head = [t('scores.quadrant.kind'), t('scores.members'), t('scores.share')];
  const rows = report.cells.map((c) => [t(`scores.quadrant.names.${c.quadrant}`), c.members, percentOf(c.share)]);
  const canLink = context.session.permissions.includes('campaigns');
  const shown = report.cells.map((c, i) => [
    ...rows[i].map(String),
    t(`scores.quadrant.actions.${c.quadrant}`),
    ...(canLink ? [segmentButton(context, rows[i][0], { quadrants: [c.quadrant] })] : []),
  ]);
  const shownHead = [...head, '', ...(canLink ? [t('scores.segmentLink')] : [])];
  return panel(
    t('scores.tabs.quadrant'),
    table(t('scores.quadrant.kind'), shownHead, shown),
    el('p', { class: 'muted', text: t('scores.quadrant.unanswered', { count: report.unanswered }) }),
    csvButton('loyalty-square.csv', head, rows),
  );
}

/** Members as points: purchases a month across, the latest answer up (desk CSAT 1–5 put on the 0–10 scale). */
function scatter(report) {
  const onTen = (point) => (point.source === 'csat' ? (point.emotionalScore - 1) * 2.5 : point.emotionalScore);
  const option = {
    grid: { left: 40, right: 12, top: 28, bottom: 36 },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'value', name: t('scores.quadrant.frequency'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', min: 0, max: 10, name: t('scores.quadrant.emotion') },
    series: QUADRANTS.map((quadrant) => ({
      type: 'scatter',
      name: t(`scores.quadrant.names.${quadrant}`),
      symbolSize: 6,
      itemStyle: { color: COLOURS[quadrant], opacity: 0.6 },
      data: report.sample.filter((p) => p.quadrant === quadrant).map((p) => [p.purchasesPerMonth, onTen(p)]),
    })),
  };
  return panel(
    t('scores.quadrant.scatter'),
    el('figure', { class: 'chart' }, chartDrawing(option, 300)),
    el('p', { class: 'muted', text: t('scores.quadrant.sampleNote') }),
  );
}
