// Charts for the reports, drawn by Apache ECharts with its SVG renderer (no
// canvas: crisp at any zoom, and its text can be found in tests). Every
// chart comes with its numbers as a table, for screen readers and for
// anyone who wants the figures, so the picture itself is decoration
// (aria-hidden) and the table carries the meaning.
import * as echarts from './vendor/echarts.js';
import { el, table } from './dom.js';

/**
 * A figure: the caption, the chart (drawn once the figure has a width, and
 * redrawn when it changes, so it fits a phone) and the table of its numbers.
 * `option` is an ECharts option; `head` and `rows` are the table's.
 */
export function chartFigure({ caption, option, head, rows, height = 260 }) {
  return el(
    'figure',
    { class: 'chart' },
    el('figcaption', { text: caption }),
    chartDrawing(option, height),
    table(caption, head, rows),
  );
}

/**
 * The drawing alone, hidden from screen readers: for a page that shows the
 * same numbers in a table of its own.
 */
export function chartDrawing(option, height = 260) {
  const canvas = el('div', { class: 'chart__drawing', 'aria-hidden': 'true' });
  // CSSOM, not a style attribute: the console's policy forbids inline styles.
  canvas.style.height = `${height}px`;
  let chart = null;
  const observer = new ResizeObserver(() => {
    // Not yet in the page (a section is built before it is shown), or taken out of it once drawn.
    if (!canvas.isConnected) return void (chart && (observer.disconnect(), chart.dispose()));
    if (canvas.clientWidth === 0) return;
    if (!chart) {
      chart = echarts.init(canvas, null, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option });
    } else chart.resize();
  });
  observer.observe(canvas);
  return canvas;
}
