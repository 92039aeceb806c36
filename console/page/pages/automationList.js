// Every automatic message in one list: the welcome series, win-back and the
// anniversary, each with when it goes out, a switch and what it has sent;
// then the built-in birthday greeting and expiry reminder, which are set up
// in the programme's rules. A name opens the message's editor and figures.
import { api, ApiError } from '../api.js';
import { el, heading, notice, table } from '../dom.js';
import { t } from '../i18n.js';
import { automationSwitch } from './automationSwitch.js';
import { automationName, stateOf, stateText, whenText } from './automationWords.js';
import { LANGUAGES, languageName, numberText } from './campaignWords.js';

export async function render(context) {
  const message = el('div', { class: 'form__message' });
  const holder = el('div');
  const list = { context, message, holder };
  list.redraw = async (focusKind) => {
    holder.replaceChildren(...(await contents(list)));
    if (focusKind) holder.querySelector(`[data-kind="${focusKind}"] [role="switch"]`)?.focus();
  };
  await list.redraw();
  return el(
    'section',
    { class: 'automations' },
    heading(t('automations.heading')),
    el('p', { text: t('automations.intro') }),
    message,
    holder,
  );
}

async function contents(list) {
  const [{ automations, builtIn }, rules] = await Promise.all([api('GET', '/automations'), api('GET', '/program')]);
  const sent = await sentCounts(automations);
  return [automationTable(list, automations, sent, builtIn, rules), builtInTexts(builtIn)];
}

/** What each saved message has sent so far; a figure that cannot be read shows as a dash. */
async function sentCounts(automations) {
  const read = (kind) =>
    api('GET', `/automations/${kind}/stats`).then(
      (stats) => stats.sent,
      () => null,
    );
  return new Map(
    await Promise.all(automations.map(async (one) => [one.kind, one.saved ? await read(one.kind) : null])),
  );
}

function automationTable(list, automations, sent, builtIn, rules) {
  const rows = [
    ...automations.map((automation) => ownRow(list, automation, sent.get(automation.kind))),
    ...builtIn.map((one) => builtInRow(one.kind, rules)),
  ];
  const node = table(
    t('automations.list.caption'),
    ['message', 'when', 'state', 'sent'].map((key) => t(`automations.list.columns.${key}`)),
    rows,
  );
  const kinds = [...automations.map((one) => one.kind), ...builtIn.map((one) => one.kind)];
  node.querySelectorAll('tbody tr').forEach((row, index) => row.setAttribute('data-kind', kinds[index]));
  return node;
}

function ownRow(list, automation, sent) {
  const state = stateOf(automation);
  const switchNode = automationSwitch(automation, {
    onSwitched: async (saved) => {
      await list.redraw(saved.kind);
      const key = saved.enabled ? 'automations.list.switchedOn' : 'automations.list.switchedOff';
      list.message.replaceChildren(notice(t(key, { name: automationName(saved.kind) })));
    },
    onFailed: (error) => failed(list, error),
  });
  return [
    el('a', { href: `#/automations/${automation.kind}`, text: automationName(automation.kind) }),
    document.createTextNode(whenText(automation.kind, automation.days)),
    el(
      'span',
      { class: 'automation__state' },
      switchNode,
      state === 'unwritten' ? el('span', { class: 'field__help', text: stateText('unwritten') }) : null,
    ),
    sent === null || sent === undefined
      ? el('span', { class: 'muted', text: '—' })
      : document.createTextNode(numberText(sent)),
  ];
}

/** A built-in message: on or off by the programme's rules, which are changed on the Programme page. */
function builtInRow(kind, rules) {
  const on = kind === 'birthday' || rules.expiryReminderDays > 0;
  const when =
    kind === 'expiry'
      ? expiryText(rules.expiryReminderDays)
      : rules.birthdayBonus > 0
        ? t('automations.when.birthday', { count: rules.birthdayBonus, points: numberText(rules.birthdayBonus) })
        : t('automations.when.birthdayNoGift');
  return [
    document.createTextNode(automationName(kind)),
    document.createTextNode(when),
    el(
      'span',
      { class: 'automation__state' },
      el('span', { text: stateText(on ? 'on' : 'off') }),
      ' ',
      el('a', { href: '#/program', text: t('automations.list.inRules') }),
    ),
    el('span', { class: 'muted', text: '—' }),
  ];
}

function expiryText(days) {
  if (days === 0) return t('automations.when.expiryOff');
  return t('automations.when.expiry', { count: days, n: numberText(days) });
}

/** The built-in messages' texts as members read them, their figures as placeholders. */
function builtInTexts(builtIn) {
  return el(
    'section',
    { class: 'panel', id: 'builtin-texts', 'aria-labelledby': 'builtin-texts-heading' },
    el('h2', { id: 'builtin-texts-heading', text: t('automations.builtIn.heading') }),
    el('p', { class: 'field__help', text: t('automations.builtIn.help') }),
    ...builtIn.flatMap((one) => [
      el('h3', { text: automationName(one.kind) }),
      ...LANGUAGES.filter((locale) => one.texts[locale]).map((locale) =>
        el(
          'p',
          { class: 'campaign__message' },
          el('strong', { text: `${languageName(locale)}: ` }),
          el('span', { lang: locale, text: one.texts[locale] }),
        ),
      ),
    ]),
  );
}

function failed(list, error) {
  if (error instanceof ApiError && error.status === 401) return list.context.failed(error);
  const key = error instanceof ApiError && error.status === 403 ? 'errors.forbidden' : 'errors.generic';
  list.message.replaceChildren(
    notice(t(error instanceof ApiError && error.status === 0 ? 'errors.network' : key), 'error'),
  );
}
