// One campaign text (the message, a button's label) in the three languages,
// side by side: a fieldset named for the text, one box per language, each
// with its own error line and, for the message, a count of its characters.
// A language left empty is left out; members who speak it get the
// programme's default language.
import { el } from '../dom.js';
import { countText, LANGUAGES, languageName } from './campaignWords.js';

let made = 0;

/** An id for an element of the campaign pages, unique on the page. */
export function uniqueId(kind) {
  made += 1;
  return `campaign-${kind}-${made}`;
}

/**
 * `value` is the text by language. `read()` is what the API takes,
 * `places(pointer)` where its problems are shown: the whole text at
 * `pointer`, each language at `pointer/<language>`.
 */
export function languageTexts({ legend, value = {}, maxlength, multiline = false, counted = false, help = null }) {
  const groupError = el('p', { class: 'field__error', id: uniqueId('text-error') });
  const helpNode = help ? el('div', { class: 'field__help', id: uniqueId('text-help') }, ...[help].flat()) : null;
  const shared = [helpNode?.id, groupError.id].filter(Boolean).join(' ');
  const boxes = LANGUAGES.map((locale) =>
    languageBox(locale, value[locale], { maxlength, multiline, counted, shared }),
  );
  const legendNode = el('legend', { text: legend });
  const node = el(
    'fieldset',
    { class: 'campaign__text' },
    legendNode,
    helpNode,
    el('div', { class: 'campaign__languages' }, ...boxes.map((box) => box.wrapper)),
    groupError,
  );
  const group = { focus: () => boxes[0].input.focus(), mark: (message) => markAt(null, groupError, message) };
  return {
    node,
    read: () =>
      Object.fromEntries(
        boxes.filter(({ input }) => input.value.trim() !== '').map(({ locale, input }) => [locale, input.value.trim()]),
      ),
    isEmpty: () => boxes.every(({ input }) => input.value.trim() === ''),
    focus: group.focus,
    relabel: (text) => (legendNode.textContent = text),
    places: (pointer) => [[pointer, group], ...boxes.map((box) => [`${pointer}/${box.locale}`, box.place])],
  };
}

function languageBox(locale, value, { maxlength, multiline, counted, shared }) {
  const id = uniqueId('text');
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const counter = counted ? el('span', { class: 'field__help campaign__counter', id: `${id}-count` }) : null;
  const input = el(multiline ? 'textarea' : 'input', {
    id,
    lang: locale,
    maxlength,
    autocomplete: 'off',
    'aria-describedby': [counter?.id, `${id}-error`, shared].filter(Boolean).join(' '),
    ...(multiline ? { rows: 6 } : { type: 'text' }),
  });
  input.value = value ?? '';
  const count = () => counter && (counter.textContent = countText('campaigns.editor.characters', input.value.length));
  input.addEventListener('input', count);
  count();
  const wrapper = el(
    'div',
    { class: 'field' },
    el('label', { for: id, text: languageName(locale) }),
    input,
    counter,
    error,
  );
  return {
    locale,
    input,
    wrapper,
    place: { focus: () => input.focus(), mark: (message) => markAt(input, error, message) },
  };
}

/** Shows a problem (already in the reader's words) at its place, or clears it. */
export function markAt(input, error, message) {
  error.textContent = message ?? '';
  if (!input) return;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
