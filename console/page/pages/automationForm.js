// One automatic message as a form, in the shape of PUT
// /api/v1/automations/{kind}: on or off (and win-back's days), its category,
// the message in three languages with its picture and buttons (the
// campaign editor's own parts), and how it is measured. `read()` is the
// document to send, `preview()` what the preview is asked about, `places()`
// where the API's problems are shown, by JSON pointer.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { buttonsPart } from './campaignButtons.js';
import { categoryChoice, messagePart } from './campaignForm.js';
import { markAt, uniqueId } from './campaignTexts.js';
import { WIN_BACK } from './automationWords.js';

/** A new automation holds back no one by default: a welcome is for every newcomer who agreed. */
const MEASURE = { holdoutPercent: { min: 0, max: 50 }, resultDays: { min: 1, max: 90 } };

export function automationForm({ automation, quizzes, onChange }) {
  const value = { ...automation, category: automation.category ?? 'news' };
  const sending = sendingPart(value);
  const message = messagePart(value);
  const buttons = buttonsPart(value.buttons, quizzes, onChange);
  const measure = numbersPart(value);
  const parts = [
    sending,
    { ...message, node: part('campaigns.editor.parts.message', message.nodes) },
    { ...buttons, node: part('campaigns.editor.parts.buttons', buttons.nodes) },
    measure,
  ];
  const read = () => Object.assign({}, ...parts.map((one) => one.read()));
  return {
    node: el('div', { class: 'campaign__form' }, ...parts.map((one) => one.node)),
    read,
    preview: () => {
      const { category, messages, imageUrl } = read();
      const picture = /^https:\/\/\S+$/.test(imageUrl ?? '') ? imageUrl : null;
      return { category, messages, buttons: buttons.complete(), imageUrl: picture };
    },
    check: () => [...sending.check(), ...measure.check()],
    places: () => new Map(parts.flatMap((one) => one.places())),
  };
}

function part(legendKey, children) {
  return el('fieldset', { class: 'campaign__part panel' }, el('legend', { text: t(legendKey) }), ...children);
}

/** On or off, win-back's days, the category members can switch off. */
function sendingPart(value) {
  const id = uniqueId('enabled');
  const enabled = el('input', { type: 'checkbox', id, 'aria-describedby': `${id}-help` });
  enabled.checked = value.enabled;
  const toggle = el(
    'div',
    { class: 'field field--check' },
    enabled,
    el('label', { for: id, text: t('automations.editor.enabled') }),
    el('p', { class: 'field__help', id: `${id}-help`, text: t('automations.editor.enabledHelp') }),
  );
  const days = value.kind === 'win-back' ? numberField('days', WIN_BACK, value.days ?? WIN_BACK.value) : null;
  const category = categoryChoice(value.category, `${id}-category`);
  return {
    node: part('automations.editor.parts.sending', [toggle, days?.wrapper, category.wrapper].filter(Boolean)),
    read: () => ({ enabled: enabled.checked, category: category.select.value, ...(days && { days: days.read() }) }),
    check: () => (days ? days.check() : []),
    places: () => [['/category', category.place], ...(days ? [['/days', days.place]] : [])],
  };
}

function numbersPart(value) {
  const fields = Object.entries(MEASURE).map(([key, bounds]) => [key, numberField(key, bounds, value[key])]);
  return {
    node: part(
      'campaigns.editor.parts.measure',
      fields.map(([, one]) => one.wrapper),
    ),
    read: () => Object.fromEntries(fields.map(([key, one]) => [key, one.read()])),
    check: () => fields.flatMap(([, one]) => one.check()),
    places: () => fields.map(([key, one]) => [`/${key}`, one.place]),
  };
}

/**
 * A whole number between `min` and `max`, with a line of help; `check()`
 * words a number out of bounds before anything is sent.
 */
function numberField(key, { min, max }, initial) {
  const made = field(t(`automations.editor.${key}`), { type: 'number', step: '1', inputmode: 'numeric', min, max });
  const help = el('p', {
    class: 'field__help',
    id: `${made.input.id}-help`,
    text: t(`automations.editor.${key}Help`, { min, max }),
  });
  made.input.before(help);
  made.input.setAttribute('aria-describedby', `${help.id} ${made.input.getAttribute('aria-describedby')}`);
  made.input.value = String(initial);
  const error = made.wrapper.querySelector('.field__error');
  const place = { focus: () => made.input.focus(), mark: (message) => markAt(made.input, error, message) };
  const read = () => (made.input.value === '' ? null : Number(made.input.value));
  const check = () => {
    const number = read();
    const fine = number !== null && Number.isInteger(number) && number >= min && number <= max;
    return fine ? [] : [{ pointer: `/${key}`, reason: 'between', min, max }];
  };
  return { wrapper: made.wrapper, read, check, place };
}
