// The overview on the console's first page (issue 13): a period picker, each
// figure beside the period before with its change and its one-line "how it
// is computed", the trend of revenue and purchases by day as a chart with
// its table, and a CSV of both tables. Cards wrap to one column on a phone.
import { api } from '../api.js';
import { chartFigure } from '../chart.js';
import { csvLink } from '../csv.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { changeText, figureText, moneyText, numberText } from './analyticsWords.js';
import { lastDays, periodForm } from './analyticsPeriod.js';

/** Figures that are as of now have no period before to compare with. */
const NOW_FIGURES = ['pointsLiability', 'openTickets'];

export async function overviewPanel() {
  const state = lastDays(30);
  const body = el('div', { class: 'analytics' });
  const form = periodForm('overview', state, () => draw(body, state));
  await draw(body, state);
  return el(
    'section',
    { class: 'analytics__overview', 'aria-labelledby': 'overview-heading' },
    el('h2', { id: 'overview-heading', text: t('analytics.overview.heading') }),
    form,
    body,
  );
}

async function draw(body, state) {
  const report = await api('GET', `/reports/overview?from=${state.from}&to=${state.to}`);
  body.replaceChildren(cards(report), trend(report), figuresTable(report));
}

function cards(report) {
  return el(
    'ul',
    { class: 'analytics__cards' },
    ...Object.entries(report.figures).map(([name, figure]) =>
      el(
        'li',
        { class: 'analytics__card' },
        el('h3', { text: t(`analytics.figures.${name}`) }),
        el('p', { class: 'analytics__value', text: figureText(name, figure.value, report.currency) }),
        NOW_FIGURES.includes(name)
          ? el('p', { class: 'muted', text: t('analytics.overview.now') })
          : el('p', {
              class: 'analytics__change',
              text: t('analytics.overview.against', {
                change: changeText(figure.change),
                previous: figureText(name, figure.previous, report.currency),
              }),
            }),
        el('p', { class: 'field__help', text: t(`analytics.how.${name}`) }),
      ),
    ),
  );
}

function trend(report) {
  const head = [t('analytics.overview.day'), t('analytics.figures.purchases'), t('analytics.figures.revenue')];
  const days = report.series;
  return el(
    'div',
    { class: 'panel' },
    chartFigure({
      caption: t('analytics.overview.trend'),
      option: {
        grid: { left: 48, right: 48, top: 24, bottom: 28 },
        legend: { data: [head[1], head[2]] },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
        yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
        series: [
          { name: head[1], type: 'bar', data: days.map((d) => d.purchases), itemStyle: { color: '#2f6f8f' } },
          {
            name: head[2],
            type: 'line',
            yAxisIndex: 1,
            data: days.map((d) => d.revenue / 100),
            itemStyle: { color: '#b86e00' },
          },
        ],
      },
      head,
      rows: days.map((d) => [d.day, numberText(d.purchases), moneyText(d.revenue, report.currency)]),
    }),
    csvLink(
      `revenue-${report.period.from}-${report.period.to}.csv`,
      ['day', 'purchases', 'revenue'],
      days.map((d) => [d.day, d.purchases, d.revenue / 100]),
    ),
  );
}

function figuresTable(report) {
  const caption = t('analytics.overview.table', { from: report.period.from, to: report.period.to });
  const head = ['figure', 'value', 'previous', 'change'].map((key) => t(`analytics.overview.columns.${key}`));
  const entries = Object.entries(report.figures);
  return el(
    'div',
    { class: 'panel' },
    table(
      caption,
      head,
      entries.map(([name, f]) => [
        t(`analytics.figures.${name}`),
        figureText(name, f.value, report.currency),
        figureText(name, f.previous, report.currency),
        changeText(f.change),
      ]),
    ),
    csvLink(
      `overview-${report.period.from}-${report.period.to}.csv`,
      ['figure', 'value', 'previous', 'change'],
      entries.map(([name, f]) => [name, f.value, f.previous, f.change]),
    ),
  );
}
