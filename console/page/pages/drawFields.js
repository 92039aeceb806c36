// Small pieces the draw form is built of: a select of translated options,
// and the places where the API's problems are shown.
import { el } from '../dom.js';
import { t } from '../i18n.js';

/** A select of `[value, text key]` options. */
export function choice(options) {
  return el('select', {}, ...options.map(([value, key]) => el('option', { value, text: t(key) })));
}

/** A labelled field (from `field`) as a place for a problem. */
export function place(made) {
  return { kind: 'field', focus: () => made.input.focus(), mark: (message) => made.error(message) };
}

/** A problem shown in `error`, with `control` focused. */
export function messagePlace(control, error) {
  return { kind: 'message', focus: () => control.focus(), mark: (message) => (error.textContent = message ?? '') };
}
