// The campaign as a form, in the shape of POST /api/v1/campaigns: its name
// and audience, the message in three languages with an optional picture,
// up to three buttons, when it goes out and how it is measured. `read()` is
// the document to send, `preview()` what the preview is asked about,
// `places()` where the API's problems are shown, by JSON pointer.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { buttonsPart } from './campaignButtons.js';
import { picturePart } from './campaignPicture.js';
import { schedulePart } from './campaignSchedule.js';
import { segmentPart } from './campaignSegment.js';
import { languageTexts, markAt } from './campaignTexts.js';
import { CATEGORIES, categoryName } from './campaignWords.js';

const DEFAULTS = { name: '', segmentId: '', category: 'offers', messages: {}, buttons: [], imageUrl: null };
const MEASURE = { holdoutPercent: { value: 10, min: 0, max: 50 }, resultDays: { value: 7, min: 1, max: 90 } };

/** The form for `campaign` (a new one has the defaults: offers, a 10% holdout, results over 7 days). */
export function campaignForm({ campaign, segments, quizzes, quietHours, onChange }) {
  const value = { ...DEFAULTS, sendAt: null, holdoutPercent: 10, resultDays: 7, ...campaign };
  const message = messagePart(value);
  const buttons = buttonsPart(value.buttons, quizzes, onChange);
  const schedule = schedulePart(value.sendAt, quietHours);
  const parts = [
    audiencePart(value, segments, onChange),
    { ...message, node: part('message', message.nodes) },
    { ...buttons, node: part('buttons', buttons.nodes) },
    { ...schedule, node: part('when', schedule.nodes) },
    measurePart(value),
  ];
  const read = () => Object.assign({}, ...parts.map((one) => one.read()));
  return {
    node: el('div', { class: 'campaign__form' }, ...parts.map((one) => one.node)),
    read,
    preview: () => {
      const { segmentId, category, messages, imageUrl } = read();
      return {
        ...(segmentId && { segmentId }),
        category,
        messages,
        buttons: buttons.complete(),
        imageUrl: /^https:\/\/\S+$/.test(imageUrl ?? '') ? imageUrl : null,
      };
    },
    check: () => schedule.check(),
    places: () => new Map(parts.flatMap((one) => one.places())),
  };
}

function part(legendKey, children) {
  return el(
    'fieldset',
    { class: 'campaign__part panel' },
    el('legend', { text: t(`campaigns.editor.parts.${legendKey}`) }),
    ...children,
  );
}

/** A labelled input with a line of help under it, as `{ wrapper, input, place }`. */
function helped(label, attributes, help) {
  const made = field(label, attributes);
  if (help) {
    const line = el('p', { class: 'field__help', id: `${made.input.id}-help`, text: help });
    made.input.before(line);
    made.input.setAttribute('aria-describedby', `${line.id} ${made.input.getAttribute('aria-describedby')}`);
  }
  return { ...made, place: { focus: () => made.input.focus(), mark: made.error } };
}

function audiencePart(value, segments, onChange) {
  const name = helped(t('campaigns.editor.name'), { maxlength: 120, autocomplete: 'off', required: true });
  name.input.value = value.name;
  const segment = segmentPart({ segments, value: value.segmentId, onChange });
  const category = categoryChoice(value.category, `${name.input.id}-category`);
  return {
    node: part('audience', [name.wrapper, segment.node, category.wrapper]),
    read: () => ({ name: name.input.value.trim(), ...segment.read(), category: category.select.value }),
    places: () => [['/name', name.place], ...segment.places(), ['/category', category.place]],
  };
}

/** The kind of message, by the names members see when they switch one kind off. */
export function categoryChoice(value, id) {
  const select = el(
    'select',
    { id, 'aria-describedby': `${id}-help ${id}-error` },
    ...CATEGORIES.map((category) => el('option', { value: category, text: categoryName(category) })),
  );
  select.value = value;
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const wrapper = el(
    'div',
    { class: 'field' },
    el('label', { for: id, text: t('campaigns.editor.category') }),
    el('p', { class: 'field__help', id: `${id}-help`, text: t('campaigns.editor.categoryHelp') }),
    select,
    error,
  );
  return { wrapper, select, place: { focus: () => select.focus(), mark: (message) => markAt(select, error, message) } };
}

export function messagePart(value) {
  const texts = languageTexts({
    legend: t('campaigns.editor.messageText'),
    value: value.messages,
    maxlength: 7000,
    multiline: true,
    counted: true,
    help: placeholderHelp(),
  });
  const picture = picturePart(value);
  return {
    nodes: [texts.node, ...picture.nodes],
    read: () => ({ messages: texts.read(), ...picture.read() }),
    places: () => [...texts.places('/messages'), ...picture.places()],
  };
}

/** What {name}, {balance} and {tier} become, and how long a text may be. */
function placeholderHelp() {
  const line = (placeholder) =>
    el('li', {}, el('code', { text: `{${placeholder}}` }), ` — ${t(`campaigns.editor.placeholders.${placeholder}`)}`);
  return [
    el('p', { text: t('campaigns.editor.placeholders.intro') }),
    el('ul', { class: 'campaign__placeholders' }, line('name'), line('balance'), line('tier')),
    el('p', { text: t('campaigns.editor.limits') }),
  ];
}

function measurePart(value) {
  const fields = Object.entries(MEASURE).map(([key, { min, max }]) => {
    const made = helped(
      t(`campaigns.editor.${key}`),
      { type: 'number', step: '1', inputmode: 'numeric', min, max },
      t(`campaigns.editor.${key}Help`),
    );
    made.input.value = String(value[key] ?? MEASURE[key].value);
    return [key, made];
  });
  return {
    node: part(
      'measure',
      fields.map(([, made]) => made.wrapper),
    ),
    // An empty box is sent as null, for the API to say a number is needed.
    read: () =>
      Object.fromEntries(fields.map(([key, made]) => [key, made.input.value === '' ? null : Number(made.input.value)])),
    places: () => fields.map(([key, made]) => [`/${key}`, made.place]),
  };
}
