// One quiz text (a title, a question, an option…) in the three languages:
// a fieldset named for the text, one input per language. A language left
// empty is left out of what is sent; members who speak it see the
// programme's default language instead (the editor warns about it).
import { el } from '../dom.js';
import { LANGUAGES, languageName } from './quizWords.js';

let made = 0;

/** An id for an element of the editor, unique on the page. */
export function uniqueId(kind) {
  made += 1;
  return `quiz-${kind}-${made}`;
}

/**
 * `value` is the text by language; `multiline` makes textareas. `read()` is
 * what the API takes, `controls(pointer)` the places its problems are shown:
 * the whole text at `pointer`, each language at `pointer/<language>`.
 */
export function localizedText({ legend, value = {}, maxlength, multiline = false }) {
  const groupError = el('p', { class: 'field__error', id: uniqueId('text-error') });
  const inputs = LANGUAGES.map((locale) => languageInput(locale, value[locale], { maxlength, multiline, groupError }));
  const legendNode = el('legend', { text: legend });
  const node = el(
    'fieldset',
    { class: 'quiz__text' },
    legendNode,
    el('div', { class: 'quiz__languages' }, ...inputs.map((input) => input.wrapper)),
    groupError,
  );
  const group = {
    kind: 'group',
    focus: () => inputs[0].input.focus(),
    mark: (message) => mark(null, groupError, message),
  };
  return {
    node,
    read: () =>
      Object.fromEntries(
        inputs
          .filter(({ input }) => input.value.trim() !== '')
          .map(({ locale, input }) => [locale, input.value.trim()]),
      ),
    isEmpty: () => inputs.every(({ input }) => input.value.trim() === ''),
    relabel: (text) => (legendNode.textContent = text),
    controls: (pointer) => [[pointer, group], ...inputs.map((input) => [`${pointer}/${input.locale}`, input.control])],
  };
}

function languageInput(locale, value, { maxlength, multiline, groupError }) {
  const id = uniqueId('text');
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const input = el(multiline ? 'textarea' : 'input', {
    id,
    lang: locale,
    maxlength,
    autocomplete: 'off',
    'aria-describedby': `${id}-error ${groupError.id}`,
    ...(multiline ? { rows: 2 } : { type: 'text' }),
  });
  input.value = value ?? '';
  const wrapper = el('div', { class: 'field' }, el('label', { for: id, text: languageName(locale) }), input, error);
  const control = { kind: 'text', focus: () => input.focus(), mark: (message) => mark(input, error, message) };
  return { locale, input, wrapper, control };
}

/** Shows a problem (already in the reader's words) at its place, or clears it. */
export function mark(input, error, message) {
  error.textContent = message ?? '';
  if (!input) return;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
