// One question in the editor: its text, 2–6 options each with a "correct"
// box, an optional explanation and picture. Options are added and removed
// in place; their numbers (and the pointers the API's problems name) follow
// their order on the page.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { growingList } from './quizRows.js';
import { localizedText, mark, uniqueId } from './quizTexts.js';

export const OPTIONS = { min: 2, max: 6 };
const LENGTHS = { text: 300, option: 60, explanation: 500, imageUrl: 2000 };

/** `question` as the API keeps it (or undefined, for a new one); `remove` takes this question out of the quiz. */
export function questionEditor(question = {}, { remove, onChange }) {
  const { legend, text, options, explanation, image, removeButton } = parts(question, { remove, onChange });
  const node = el(
    'fieldset',
    { class: 'panel quiz__question' },
    legend,
    ...[text, options, explanation].map((part) => part.node),
    image.wrapper,
    removeButton,
  );
  const imageUrl = () => image.input.value.trim();
  return {
    node,
    focus: () => node.querySelector('textarea, input')?.focus(),
    renumber: (number, count) => {
      legend.textContent = t('quizzes.editor.question', { number });
      removeButton.hidden = count <= 1;
    },
    read: () => ({
      text: text.read(),
      options: options.read(),
      correct: options.correct(),
      ...(explanation.isEmpty() ? {} : { explanation: explanation.read() }),
      ...(imageUrl() === '' ? {} : { imageUrl: imageUrl() }),
    }),
    controls: (pointer) => [
      ...text.controls(`${pointer}/text`),
      ...options.controls(pointer),
      ...explanation.controls(`${pointer}/explanation`),
      [`${pointer}/imageUrl`, { kind: 'url', focus: () => image.input.focus(), mark: image.error }],
    ],
  };
}

function parts(question, { remove, onChange }) {
  const long = (key, value, maxlength) =>
    localizedText({ legend: t(`quizzes.editor.${key}`), value, maxlength, multiline: true });
  const image = field(t('quizzes.editor.imageUrl'), {
    type: 'url',
    inputmode: 'url',
    maxlength: LENGTHS.imageUrl,
    autocomplete: 'off',
  });
  image.input.value = question.imageUrl ?? '';
  return {
    legend: el('legend'),
    text: long('questionText', question.text, LENGTHS.text),
    options: optionList(question, onChange),
    explanation: long('explanation', question.explanation, LENGTHS.explanation),
    image,
    removeButton: el('button', {
      type: 'button',
      class: 'danger',
      text: t('quizzes.editor.removeQuestion'),
      onclick: remove,
    }),
  };
}

/** The options and their "correct" boxes, with one error line for what the API says of them. */
function optionList(question, onChange) {
  const list = el('div', { class: 'quiz__options' });
  const error = el('p', { class: 'field__error', id: uniqueId('options-error') });
  const add = el('button', { type: 'button', text: t('quizzes.editor.addOption') });
  const rows = growingList({
    list,
    add,
    max: OPTIONS.max,
    onChange,
    make: (value, remove) => optionRow(value, error.id, remove),
  });
  const given = question.options?.length ? question.options : [{}, {}];
  rows.fill(given.map((text, index) => ({ text, correct: question.correct?.includes(index) ?? false })));
  const place = (kind) => ({
    kind,
    focus: () => rows.items[0].box.focus(),
    mark: (message) => mark(null, error, message),
  });
  return {
    node: el(
      'fieldset',
      { class: 'quiz__text' },
      el('legend', { text: t('quizzes.editor.options') }),
      el('p', { class: 'field__help', text: t('quizzes.editor.optionsHelp') }),
      list,
      error,
      add,
    ),
    read: () => rows.items.map((row) => row.text.read()),
    correct: () => rows.items.flatMap((row, index) => (row.box.checked ? [index] : [])),
    controls: (pointer) => [
      [`${pointer}/options`, place('options')],
      [`${pointer}/correct`, place('correct')],
      ...rows.items.flatMap((row, index) => row.text.controls(`${pointer}/options/${index}`)),
    ],
  };
}

function optionRow({ text: value, correct } = { text: {}, correct: false }, errorId, remove) {
  const text = localizedText({ legend: '', value, maxlength: LENGTHS.option });
  const box = el('input', { type: 'checkbox', id: uniqueId('correct'), 'aria-describedby': errorId });
  box.checked = correct;
  const removeButton = el('button', {
    type: 'button',
    class: 'link',
    text: t('quizzes.editor.removeOption'),
    onclick: remove,
  });
  text.node.classList.add('quiz__option');
  text.node.append(
    el(
      'div',
      { class: 'quiz__option-actions' },
      el('div', { class: 'check' }, box, el('label', { for: box.id, text: t('quizzes.editor.correct') })),
      removeButton,
    ),
  );
  return {
    node: text.node,
    text,
    box,
    focus: () => text.node.querySelector('input[type="text"]').focus(),
    renumber: (number, count) => {
      text.relabel(t('quizzes.editor.option', { number }));
      removeButton.hidden = count <= OPTIONS.min;
    },
  };
}
