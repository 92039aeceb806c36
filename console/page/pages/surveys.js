// NPS and CSAT at a glance: the three shares and the score for a period, the
// trend by week, the 0–10 distribution and the response rate, breakdowns by
// tier, channel, store and language, what members wrote (each detractor's
// ticket a link away), and CSAT per touch point and per store. Every figure
// is a table; the bars beside them are drawn from the same numbers. Below
// them, for those who may, the form that sends a survey (surveySend.js).
import { api } from '../api.js';
import { el, heading, selectField, table } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { bars, shares } from './surveyCharts.js';
import { sendSurveyPanel } from './surveySend.js';

const DAY_MS = 86_400_000;
const BREAKDOWNS = ['tier', 'channel', 'store', 'locale'];
const GROUPS = ['detractor', 'passive', 'promoter'];

export async function render(context) {
  const to = new Date();
  const state = { from: isoDay(new Date(to.getTime() - 90 * DAY_MS)), to: isoDay(new Date(to.getTime() + DAY_MS)) };
  const body = el('div', { class: 'surveys' });
  const period = periodForm(state, () => draw(body, state));
  await draw(body, state);
  // Reading the figures takes `reports`; sending a survey, `surveys` (a viewer reads only).
  const send = context.session.permissions.includes('surveys') ? sendSurveyPanel(context) : null;
  return el('section', {}, heading(t('surveys.heading')), period, body, send);
}

async function draw(body, state) {
  const range = `from=${state.from}&to=${state.to}`;
  const [nps, weeks, desk, purchase, relationship, stores] = await Promise.all([
    api('GET', `/reports/nps?${range}`),
    api('GET', `/reports/nps?${range}&groupBy=week`),
    api('GET', `/reports/csat?${range}&touchpoint=desk`),
    api('GET', `/reports/csat?${range}&touchpoint=purchase`),
    api('GET', `/reports/csat?${range}&touchpoint=relationship`),
    api('GET', `/reports/csat?${range}&touchpoint=purchase&groupBy=store`),
  ]);
  body.replaceChildren(
    headline(nps),
    trend(weeks),
    distribution(nps),
    await breakdown(range),
    await comments(range),
    csat({ desk, purchase, relationship }, stores),
  );
}

function periodForm(state, redraw) {
  const from = el('input', { type: 'date', id: 'surveys-from', value: state.from, required: true });
  const to = el('input', { type: 'date', id: 'surveys-to', value: state.to, required: true });
  const node = el(
    'form',
    { class: 'surveys__period', 'aria-label': t('surveys.period') },
    el('div', { class: 'field' }, el('label', { for: from.id, text: t('surveys.from') }), from),
    el('div', { class: 'field' }, el('label', { for: to.id, text: t('surveys.to') }), to),
    el('button', { type: 'submit', text: t('surveys.show') }),
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!from.value || !to.value || from.value >= to.value) return to.setAttribute('aria-invalid', 'true');
    to.removeAttribute('aria-invalid');
    Object.assign(state, { from: from.value, to: to.value });
    await redraw();
  });
  return node;
}

function headline(report) {
  const percent = (count) => (report.responses === 0 ? 0 : Math.round((count * 100) / report.responses));
  const rows = [
    [t('surveys.nps'), report.nps === null ? '—' : String(report.nps)],
    [t('surveys.promoters'), t('surveys.share', { share: percent(report.promoters), answers: report.promoters })],
    [t('surveys.passives'), t('surveys.share', { share: percent(report.passives), answers: report.passives })],
    [t('surveys.detractors'), t('surveys.share', { share: percent(report.detractors), answers: report.detractors })],
    [t('surveys.responses'), String(report.responses)],
    [t('surveys.asked'), String(report.asked)],
    [t('surveys.responseRate'), report.responseRate === null ? '—' : `${Math.round(report.responseRate * 100)} %`],
  ];
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.npsHeading') }),
    el('p', {
      class: 'surveys__score',
      text: report.nps === null ? t('surveys.noAnswers') : t('surveys.npsIs', { nps: report.nps }),
    }),
    shares([
      { kind: 'detractor', share: percent(report.detractors) },
      { kind: 'passive', share: percent(report.passives) },
      { kind: 'promoter', share: percent(report.promoters) },
    ]),
    table(t('surveys.summary'), [t('surveys.figure'), t('surveys.value')], rows.map(textCells)),
  );
}

function trend(report) {
  const groups = report.groups;
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.trend') }),
    groups.length === 0
      ? el('p', { class: 'muted', text: t('surveys.noAnswers') })
      : bars(
          groups.map((g) => g.responses),
          groups.map((g) => g.key.slice(5)),
        ),
    table(
      t('surveys.trend'),
      [t('surveys.week'), t('surveys.nps'), t('surveys.responses')],
      groups.map((g) => textCells([g.key, g.nps === null ? '—' : String(g.nps), String(g.responses)])),
    ),
  );
}

function distribution(report) {
  const counts = report.distribution.map((d) => d.count);
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.distribution') }),
    bars(
      counts,
      report.distribution.map((d) => String(d.score)),
    ),
    table(
      t('surveys.distribution'),
      [t('surveys.score'), t('surveys.answers')],
      report.distribution.map((d) => textCells([String(d.score), String(d.count)])),
    ),
  );
}

async function breakdown(range) {
  const select = el('select', {}, ...BREAKDOWNS.map((by) => el('option', { value: by, text: t(`surveys.by.${by}`) })));
  const holder = el('div');
  const load = async () => {
    const report = await api('GET', `/reports/nps?${range}&groupBy=${select.value}`);
    holder.replaceChildren(
      table(
        t('surveys.breakdownOf', { by: t(`surveys.by.${select.value}`) }),
        [
          t(`surveys.by.${select.value}`),
          t('surveys.nps'),
          t('surveys.promoters'),
          t('surveys.passives'),
          t('surveys.detractors'),
          t('surveys.responses'),
        ],
        report.groups.map((g) =>
          textCells([
            g.key ?? t('surveys.unknown'),
            g.nps === null ? '—' : String(g.nps),
            String(g.promoters),
            String(g.passives),
            String(g.detractors),
            String(g.responses),
          ]),
        ),
      ),
    );
  };
  select.addEventListener('change', load);
  await load();
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.breakdown') }),
    selectField(t('surveys.groupBy'), select),
    holder,
  );
}

async function comments(range) {
  const select = el(
    'select',
    {},
    el('option', { value: '', text: t('surveys.allGroups') }),
    ...GROUPS.map((g) => el('option', { value: g, text: t(`surveys.group.${g}`) })),
  );
  const list = el('ul', { class: 'surveys__comments' });
  const load = async () => {
    const page = await api(
      'GET',
      `/reports/nps/comments?${range}&limit=50${select.value ? `&group=${select.value}` : ''}`,
    );
    list.replaceChildren(
      ...(page.comments.length === 0
        ? [el('li', { class: 'muted', text: t('surveys.noComments') })]
        : page.comments.map((comment) =>
            el(
              'li',
              {},
              el(
                'p',
                { class: 'muted' },
                `${t(`surveys.group.${comment.group}`)} · ${comment.score} · ${comment.member.name} · `,
                el('time', { datetime: comment.answeredAt, text: formatTime(comment.answeredAt) }),
              ),
              el('p', { text: comment.comment }),
              comment.ticketId
                ? el('a', { href: `#/desk/${encodeURIComponent(comment.ticketId)}`, text: t('surveys.openTicket') })
                : null,
            ),
          )),
    );
  };
  select.addEventListener('change', load);
  await load();
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.comments') }),
    selectField(t('surveys.filterGroup'), select),
    list,
  );
}

function csat(touchpoints, stores) {
  const value = (report) => (report.csat === null ? '—' : `${report.csat} %`);
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('surveys.csatHeading') }),
    table(
      t('surveys.byTouchpoint'),
      [t('surveys.touchpoint'), t('surveys.csat'), t('surveys.responses')],
      Object.entries(touchpoints).map(([key, report]) =>
        textCells([t(`surveys.touchpoints.${key}`), value(report), String(report.responses)]),
      ),
    ),
    table(
      t('surveys.byStore'),
      [t('surveys.by.store'), t('surveys.csat'), t('surveys.responses')],
      stores.groups.map((g) => textCells([g.key ?? t('surveys.unknown'), value(g), String(g.responses)])),
    ),
  );
}

function textCells(values) {
  return values.map((value) => document.createTextNode(value));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}
