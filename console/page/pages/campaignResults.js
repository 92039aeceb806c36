// Whether a campaign worked: the purchase rate of its recipients against
// the holdout group's over the same days, the lift between them in
// percentage points with its 95% interval, spend and points redeemed; a bar
// chart of the two rates with the table of every figure beside it.
import { chartFigure } from '../chart.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { moneyText } from './memberWords.js';
import { zoneTimeNode } from './campaignTime.js';
import { numberText, pointsDifferenceText, shareText } from './campaignWords.js';

const GROUPS = ['recipients', 'holdout'];
/** Each group's purchase rate, as the stats name it. */
const RATES = { recipients: 'recipientRate', holdout: 'holdoutRate' };

/** `update(stats)` draws the results again only when they changed: a chart redrawn every few seconds would flicker. */
export function resultsPanel(stats, currency) {
  const holder = el('div');
  const node = el(
    'section',
    { class: 'panel campaign__results' },
    el('h2', { text: t('campaigns.results.heading') }),
    holder,
  );
  let drawn = '';
  const update = (now) => {
    const figures = JSON.stringify([now.window, now.purchases, now.heldOut]);
    if (figures === drawn) return;
    drawn = figures;
    holder.replaceChildren(...contents(now, currency).filter(Boolean));
  };
  update(stats);
  return { node, update };
}

function contents(stats, currency) {
  if (!stats.window) return [el('p', { class: 'muted', text: t('campaigns.results.notStarted') })];
  const { purchases } = stats;
  return [
    el(
      'p',
      {},
      t('campaigns.results.window'),
      ' ',
      zoneTimeNode(stats.window.from),
      ' – ',
      zoneTimeNode(stats.window.until),
      '.',
    ),
    el('p', { class: 'campaign__headline', text: liftText(stats) }),
    verdict(purchases),
    chartFigure({
      caption: t('campaigns.results.caption'),
      option: rateChart(purchases),
      head: ['group', 'bought', 'rate', 'spend', 'pointsRedeemed'].map((key) => t(`campaigns.results.columns.${key}`)),
      rows: GROUPS.map((group) => [
        t(`campaigns.results.groups.${group}`),
        numberText(purchases[group]),
        rateText(purchases[RATES[group]]),
        moneyText(purchases.spend[group], currency),
        numberText(purchases.pointsRedeemed[group]),
      ]),
      height: 200,
    }),
    el('p', { class: 'field__help', text: t('campaigns.results.how') }),
  ];
}

function rateText(rate) {
  return rate === null ? '—' : shareText(rate);
}

function liftText(stats) {
  const { lift, ci95 } = stats.purchases;
  if (lift === null) return t(stats.heldOut === 0 ? 'campaigns.results.noHoldout' : 'campaigns.results.notYet');
  return t('campaigns.results.lift', {
    lift: pointsDifferenceText(lift),
    low: pointsDifferenceText(ci95[0]),
    high: pointsDifferenceText(ci95[1]),
  });
}

/** What the interval says, in one line: a difference only when it leaves out zero. */
function verdict({ lift, ci95 }) {
  if (lift === null) return null;
  const key = ci95[0] > 0 ? 'better' : ci95[1] < 0 ? 'worse' : 'unclear';
  return el('p', { text: t(`campaigns.results.verdict.${key}`) });
}

function rateChart(purchases) {
  const percent = (rate) => (rate === null ? 0 : Math.round(rate * 1000) / 10);
  return {
    grid: { left: 44, right: 8, top: 12, bottom: 28 },
    xAxis: { type: 'category', data: GROUPS.map((group) => t(`campaigns.results.groups.${group}`)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: GROUPS.map((group) => percent(purchases[RATES[group]])),
        itemStyle: { color: '#2f6f8f' },
      },
    ],
  };
}
