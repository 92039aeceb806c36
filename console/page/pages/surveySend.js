// Sending a relationship survey (POST /api/v1/surveys): NPS or CSAT, to
// every member or to those listed by id or card number. The answer says how
// many will be asked, how many switched surveys off (written as muted, never
// sent) and who was skipped and why, as a table. The API checks the request;
// what it refuses is shown at the list, in the reader's language.
import { api, ApiError } from '../api.js';
import { el, field, notice, table } from '../dom.js';
import { t } from '../i18n.js';

/** As the API: at most this many members named in one survey. */
const MAX_NAMED = 1000;
const OUTCOME_ROWS = [
  ['scheduled', (outcome) => outcome.scheduled],
  ['muted', (outcome) => outcome.muted],
  ['throttled', (outcome) => outcome.skipped.throttled],
  ['noChat', (outcome) => outcome.skipped.noChat],
  ['alreadyScheduled', (outcome) => outcome.skipped.alreadyScheduled],
  ['unknownMember', (outcome) => outcome.skipped.unknownMember],
];

/** The panel with the form; `context.failed` takes what the form cannot explain. */
export function sendSurveyPanel(context) {
  const kind = choice('survey-kind', t('surveys.send.kind'), ['nps', 'csat'], 'nps', (value) =>
    t(`surveys.send.kinds.${value}`),
  );
  const audience = choice('survey-audience', t('surveys.send.audience'), ['members', 'all'], 'members', (value) =>
    t(`surveys.send.audiences.${value}`),
  );
  const members = membersField(audience);
  const parts = { kind, audience, members, message: el('div', { class: 'form__message' }), result: el('div') };
  const button = el('button', { type: 'submit', class: 'primary', text: t('surveys.send.submit') });
  const form = el(
    'form',
    { class: 'surveys__send', novalidate: true },
    kind.node,
    audience.node,
    members.wrapper,
    parts.message,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    await send(context, parts);
    form.removeAttribute('aria-busy');
    button.disabled = false;
  });
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': 'survey-send-heading' },
    el('h2', { id: 'survey-send-heading', text: t('surveys.send.heading') }),
    el('p', { class: 'muted', text: t('surveys.send.intro') }),
    form,
    parts.result,
  );
}

async function send(context, parts) {
  parts.members.error(null);
  parts.message.replaceChildren();
  parts.result.replaceChildren();
  const body = requestOf(parts);
  if (typeof body === 'string') return refuse(parts, body);
  try {
    parts.result.replaceChildren(outcomeOf(await api('POST', '/surveys', body)));
    parts.result.querySelector('.notice')?.focus();
  } catch (error) {
    if (!(error instanceof ApiError)) return context.failed(error);
    if (String(error.problem.type ?? '').endsWith('/validation'))
      return refuse(parts, t('surveys.send.membersInvalid'));
    if (error.status === 403) return parts.message.replaceChildren(notice(t('errors.forbidden'), 'error'));
    await context.failed(error);
  }
}

/** The request the form stands for, or why it cannot be sent. */
function requestOf({ kind, audience, members }) {
  if (audience.value() === 'all') return { kind: kind.value(), segment: 'all' };
  const entries = members.input.value
    .split(/[\n,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return t('surveys.send.membersRequired');
  if (entries.length > MAX_NAMED) return t('surveys.send.tooMany', { limit: MAX_NAMED });
  // A card number is 12 digits, often written in groups of four; anything else is a member's id.
  const isCard = (entry) => /^\d{12}$/.test(entry.replaceAll(' ', ''));
  const cardNumbers = entries.filter(isCard).map((entry) => entry.replaceAll(' ', ''));
  const memberIds = entries.filter((entry) => !isCard(entry));
  return {
    kind: kind.value(),
    ...(memberIds.length > 0 && { memberIds }),
    ...(cardNumbers.length > 0 && { cardNumbers }),
  };
}

function refuse({ members }, message) {
  members.error(message);
  members.input.focus();
}

function outcomeOf(outcome) {
  return el(
    'div',
    {},
    el('p', {
      class: 'notice notice--info',
      role: 'status',
      tabindex: '-1',
      text: t('surveys.send.done', { count: outcome.scheduled }),
    }),
    table(
      t('surveys.send.outcome'),
      [t('surveys.send.outcomeOf'), t('surveys.send.count')],
      OUTCOME_ROWS.map(([key, count]) => [
        document.createTextNode(t(`surveys.send.rows.${key}`)),
        document.createTextNode(String(count(outcome))),
      ]),
    ),
  );
}

/** The list of members, with its hint; hidden while the survey goes to everyone. */
function membersField(audience) {
  const members = field(t('surveys.send.members'), { tag: 'textarea', name: 'members', rows: '3' });
  const help = el('p', { class: 'field__help', id: `${members.input.id}-help`, text: t('surveys.send.membersHelp') });
  members.input.setAttribute('aria-describedby', `${help.id} ${members.input.id}-error`);
  members.wrapper.insertBefore(help, members.input);
  audience.node.addEventListener('change', () => (members.wrapper.hidden = audience.value() === 'all'));
  return members;
}

/** A group of radio buttons with its legend; `value()` is the one chosen. */
function choice(name, legend, values, chosen, label) {
  const radios = values.map((value) =>
    el('input', { type: 'radio', name, id: `${name}-${value}`, value, checked: value === chosen }),
  );
  const node = el(
    'fieldset',
    { class: 'surveys__choice' },
    el('legend', { text: legend }),
    ...radios.map((radio) =>
      el('div', { class: 'check' }, radio, el('label', { for: radio.id, text: label(radio.value) })),
    ),
  );
  return { node, value: () => radios.find((radio) => radio.checked)?.value ?? chosen };
}
