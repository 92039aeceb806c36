// One question in the editor: its text, 2–6 options each with a "correct"
// box, an optional explanation and picture. Options are added and removed
// in place; their numbers (and the pointers the API's problems name) follow
// their order on the page.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { localizedText, mark, uniqueId } from './quizTexts.js';

export const OPTIONS = { min: 2, max: 6 };
const LENGTHS = { text: 300, option: 60, explanation: 500, imageUrl: 2000 };

/** `question` as the API keeps it (or empty, for a new one); `onRemove` takes this question out of the quiz. */
export function questionEditor(question, { onRemove, onChange }) {
  const legend = el('legend');
  const text = localizedText({
    legend: t('quizzes.editor.questionText'),
    value: question.text,
    maxlength: LENGTHS.text,
    multiline: true,
  });
  const options = optionList(question, onChange);
  const explanation = localizedText({
    legend: t('quizzes.editor.explanation'),
    value: question.explanation,
    maxlength: LENGTHS.explanation,
    multiline: true,
  });
  const image = field(t('quizzes.editor.imageUrl'), {
    type: 'url',
    inputmode: 'url',
    maxlength: LENGTHS.imageUrl,
    autocomplete: 'off',
  });
  image.input.value = question.imageUrl ?? '';
  const remove = el('button', {
    type: 'button',
    class: 'danger',
    text: t('quizzes.editor.removeQuestion'),
    onclick: onRemove,
  });
  const node = el(
    'fieldset',
    { class: 'panel quiz__question' },
    legend,
    text.node,
    options.node,
    explanation.node,
    image.wrapper,
    remove,
  );
  return {
    node,
    focus: () => node.querySelector('textarea, input')?.focus(),
    renumber: (number, count) => {
      legend.textContent = t('quizzes.editor.question', { number });
      remove.hidden = count <= 1;
    },
    read: () => ({
      text: text.read(),
      options: options.read(),
      correct: options.correct(),
      ...(explanation.isEmpty() ? {} : { explanation: explanation.read() }),
      ...(image.input.value.trim() === '' ? {} : { imageUrl: image.input.value.trim() }),
    }),
    controls: (pointer) => [
      ...text.controls(`${pointer}/text`),
      ...options.controls(pointer),
      ...explanation.controls(`${pointer}/explanation`),
      [
        `${pointer}/imageUrl`,
        { kind: 'url', focus: () => image.input.focus(), mark: (message) => image.error(message) },
      ],
    ],
  };
}

/** The options and their "correct" boxes, with their own error line for the marks. */
function optionList(question, onChange) {
  const rows = [];
  const list = el('div', { class: 'quiz__options' });
  const error = el('p', { class: 'field__error', id: uniqueId('options-error') });
  const add = el('button', { type: 'button', text: t('quizzes.editor.addOption') });
  const renumber = () => {
    rows.forEach((row, index) => row.renumber(index + 1, rows.length));
    add.hidden = rows.length >= OPTIONS.max;
  };
  const append = (value, correct) => {
    const row = optionRow(value, correct, error.id, () => {
      rows.splice(rows.indexOf(row), 1);
      row.node.remove();
      renumber();
      rows[0].focus();
      onChange();
    });
    rows.push(row);
    list.append(row.node);
  };
  const given = question.options?.length ? question.options : [{}, {}];
  given.forEach((value, index) => append(value, question.correct?.includes(index) ?? false));
  add.addEventListener('click', () => {
    append({}, false);
    renumber();
    rows.at(-1).focus();
    onChange();
  });
  renumber();
  const firstBox = () => rows[0].box.focus();
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
    read: () => rows.map((row) => row.text.read()),
    correct: () => rows.flatMap((row, index) => (row.box.checked ? [index] : [])),
    controls: (pointer) => [
      [`${pointer}/options`, { kind: 'options', focus: firstBox, mark: (message) => mark(null, error, message) }],
      [`${pointer}/correct`, { kind: 'correct', focus: firstBox, mark: (message) => mark(null, error, message) }],
      ...rows.flatMap((row, index) => row.text.controls(`${pointer}/options/${index}`)),
    ],
  };
}

function optionRow(value, correct, errorId, onRemove) {
  const text = localizedText({ legend: '', value, maxlength: LENGTHS.option });
  const box = el('input', { type: 'checkbox', id: uniqueId('correct'), 'aria-describedby': errorId });
  box.checked = correct;
  const remove = el('button', {
    type: 'button',
    class: 'link',
    text: t('quizzes.editor.removeOption'),
    onclick: onRemove,
  });
  text.node.classList.add('quiz__option');
  text.node.append(
    el(
      'div',
      { class: 'quiz__option-actions' },
      el('div', { class: 'check' }, box, el('label', { for: box.id, text: t('quizzes.editor.correct') })),
      remove,
    ),
  );
  return {
    node: text.node,
    text,
    box,
    focus: () => text.node.querySelector('input[type="text"]').focus(),
    renumber: (number, count) => {
      text.relabel(t('quizzes.editor.option', { number }));
      remove.hidden = count <= OPTIONS.min;
    },
  };
}
