// One labelled input per rule, addressed by its JSON pointer in the rules,
// with its help text and its error tied to it for screen readers. Money is
// shown in lei and kept in bani, as the rules keep every amount.
import { el } from '../dom.js';
import { language, t } from '../i18n.js';

let made = 0;

/** How a number is shown to people and kept in the rules. */
export const units = {
  money: { step: '0.01', show: (kept) => kept / 100, keep: (shown) => Math.round(shown * 100) },
  count: { step: '1', show: (kept) => kept, keep: (shown) => shown },
};

/** A control for one rule: `read` gives the value to send, `write` shows one, `mark` its problem or none. */
export function ruleField(spec) {
  made += 1;
  const id = `rule-${made}`;
  const input = inputFor(spec, id);
  const help = spec.help
    ? el('p', { class: 'field__help', id: `${id}-help`, text: t(`program.help.${spec.key}`) })
    : null;
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  input.setAttribute('aria-describedby', [help && help.id, error.id].filter(Boolean).join(' '));
  const label = el('label', { for: id, text: t(`program.fields.${spec.key}`) });
  const wrapper =
    spec.type === 'checkbox'
      ? el('div', { class: 'field' }, el('div', { class: 'check' }, input, label), help, error)
      : el('div', { class: 'field' }, label, help, input, error);
  return { spec, input, wrapper, ...valueOf(spec, input), mark: (problem) => markInput(input, error, problem, spec) };
}

function inputFor(spec, id) {
  const common = { id, name: spec.pointer };
  if (spec.type === 'checkbox') return el('input', { ...common, type: 'checkbox' });
  if (spec.type === 'select')
    return el(
      'select',
      common,
      ...spec.options.map((value) => el('option', { value, text: t(`program.options.${spec.key}.${value}`) })),
    );
  if (spec.type === 'text') return el('input', { ...common, type: 'text', autocomplete: 'off', ...spec.attributes });
  const unit = units[spec.unit ?? 'count'];
  return el('input', { ...common, type: 'number', step: unit.step, min: spec.min, max: spec.max, required: true });
}

function valueOf(spec, input) {
  if (spec.type === 'checkbox')
    return { read: () => input.checked, write: (value) => (input.checked = Boolean(value)), empty: () => false };
  if (spec.type !== undefined)
    return { read: () => input.value, write: (value) => (input.value = value ?? ''), empty: () => input.value === '' };
  return numberValue(input, () => units[spec.unit ?? 'count']);
}

/** A number input's value for the rules: empty (or not a number) is sent as null, for the API to name. */
export function numberValue(input, unitOf) {
  return {
    read: () => (input.value === '' ? null : unitOf().keep(Number(input.value))),
    write: (value) => (input.value = typeof value === 'number' ? String(unitOf().show(value)) : ''),
    empty: () => input.value === '' && !input.validity.badInput,
  };
}

/** Shows a field's problem (an entry of the API's `errors`) in the reader's language, or clears it. */
export function markInput(input, error, problem, spec) {
  error.textContent = problem ? problemText(problem, spec) : '';
  if (problem) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function problemText(problem, spec = {}) {
  const shown = spec.unit === 'money' && typeof problem.limit === 'number' ? problem.limit / 100 : problem.limit;
  const limit = typeof shown === 'number' ? new Intl.NumberFormat(language()).format(shown) : '';
  return t(`program.problems.${problem.reason ?? 'invalid'}`, { limit });
}

/** The value at a JSON pointer ('/stampCard/every') of the rules. */
export function valueAt(document, pointer) {
  return keysOf(pointer).reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), document);
}

export function setAt(document, pointer, value) {
  const keys = keysOf(pointer);
  const parent = keys.slice(0, -1).reduce((node, key) => {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    return node[key];
  }, document);
  parent[keys.at(-1)] = value;
}

function keysOf(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}
