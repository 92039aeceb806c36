// The survey report's pictures, drawn by the console's chart helper (Apache
// ECharts, SVG) from the same numbers as the tables beside them: the table is
// what a screen reader reads, so the drawing is hidden from it.
import { chartDrawing } from '../chart.js';
import { el } from '../dom.js';

/** The colours of the three NPS groups, the same in every picture. */
const GROUP_COLOURS = { detractor: '#b3261e', passive: '#8a8a8a', promoter: '#2e7d32' };

/** Vertical bars, one per value, labelled under each. */
export function bars(values, labels) {
  return el(
    'figure',
    { class: 'chart' },
    chartDrawing(
      {
        grid: { left: 36, right: 8, top: 12, bottom: 28 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#2f6f8f' } }],
      },
      200,
    ),
  );
}

/** One horizontal bar split in shares (detractors, passives, promoters), in percent of 100. */
export function shares(parts) {
  return el(
    'figure',
    { class: 'chart' },
    chartDrawing(
      {
        grid: { left: 0, right: 0, top: 0, bottom: 0 },
        xAxis: { type: 'value', max: 100, show: false },
        yAxis: { type: 'category', data: [''], show: false },
        series: parts.map(({ kind, share }) => ({
          type: 'bar',
          stack: 'shares',
          data: [share],
          barWidth: '100%',
          itemStyle: { color: GROUP_COLOURS[kind] },
        })),
      },
      24,
    ),
  );
}
