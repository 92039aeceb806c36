// The controls the segment editor is built of. Each edits one filter:
// `read()` is its value for the API (undefined when left empty), `check()`
// marks what the browser already knows is not a value and says whether all
// is well, `mark(where, problem)` shows the API's problem at the input its
// pointer names (returned for focus; null when it names none) and `clear()`
// takes every mark away.
import { el } from '../dom.js';
import { language, t } from '../i18n.js';
import { problemText } from './segmentWords.js';

let made = 0;
const nextId = () => `segment-${++made}`;

/** Ticks for a list filter; a value the filters name but no option shows (a tier since removed) gets a tick of its own. */
export function checkGroup({ key, options, value = [], columns = false }) {
  const id = nextId();
  const known = options.map(([code]) => code);
  const all = [...options, ...value.filter((code) => !known.includes(code)).map((code) => [code, String(code)])];
  const boxes = all.map(([code, label], i) => {
    const input = el('input', { type: 'checkbox', id: `${id}-${i}`, name: key, value: String(code) });
    input.checked = value.includes(code);
    return { code, input, node: el('div', { class: 'check' }, input, el('label', { for: input.id, text: label })) };
  });
  const error = errorLine(`${id}-error`);
  const node = el(
    'fieldset',
    { class: 'panel segment__group', 'aria-describedby': error.id },
    el('legend', { text: t(`segments.filters.${key}`) }),
    el(
      'div',
      { class: columns ? 'segment__checks segment__checks--months' : 'segment__checks' },
      ...boxes.map((box) => box.node),
    ),
    error,
  );
  return {
    key,
    node,
    read: () => {
      const picked = boxes.filter((box) => box.input.checked).map((box) => box.code);
      return picked.length > 0 ? picked : undefined;
    },
    check: () => true,
    clear: () => (error.textContent = ''),
    mark: (_where, problem) => {
      error.textContent = problemText(problem, { key });
      return boxes[0]?.input ?? null;
    },
  };
}

/** "At least" and "at most" of a whole number, or of money typed in major units and kept in minor ones. */
export function numberRange({ key, value, money = false, help = false, legend = t(`segments.filters.${key}`) }) {
  const step = money ? '0.01' : '1';
  const ends = ['min', 'max'].map((end) => endInput({ end, label: t(`segments.${end}`), type: 'number', step }));
  const keep = (shown) => (money ? Math.round(shown * 100) : shown);
  return rangeOf({
    key,
    legend,
    help,
    ends,
    read: (input) => (input.value === '' ? undefined : keep(Number(input.value))),
    write: (input, kept) => (input.value = typeof kept === 'number' ? String(money ? kept / 100 : kept) : ''),
    money,
    local: 'not-a-number',
    value,
  });
}

/** Joined "from" and "to", calendar days in the programme's time zone. */
export function dateRange({ key, value }) {
  const ends = ['from', 'to'].map((end) => endInput({ end, label: t(`segments.${end}`), type: 'date' }));
  return rangeOf({
    key,
    legend: t(`segments.filters.${key}`),
    help: false,
    ends,
    read: (input) => (input.value === '' ? undefined : input.value),
    write: (input, day) => (input.value = day ?? ''),
    money: false,
    local: 'notADate',
    value,
  });
}

/**
 * Quizzes, contests or draws by title, several chosen at once; with none made
 * yet, the line `none` saying so.
 */
export function titleSelect({ key, items, value = [], none }) {
  const id = nextId();
  const error = errorLine(`${id}-error`);
  const help = el('p', { class: 'field__help', id: `${id}-help`, text: t(`segments.help.${key}`) });
  const options = titledOptions(items, value);
  const select = el(
    'select',
    {
      id,
      multiple: true,
      size: String(Math.min(Math.max(options.length, 2), 6)),
      'aria-describedby': `${help.id} ${error.id}`,
    },
    ...options.map(([itemId, title]) => el('option', { value: itemId, text: title, selected: value.includes(itemId) })),
  );
  const title = t(`segments.filters.${key}`);
  const node =
    options.length === 0
      ? noneYet(title, none)
      : el('div', { class: 'panel segment__group field' }, el('label', { for: id, text: title }), help, select, error);
  return {
    key,
    node,
    read: () => {
      const picked = Array.from(select.selectedOptions, (option) => option.value);
      return picked.length > 0 ? picked : undefined;
    },
    check: () => true,
    clear: () => markEnd(select, error, null),
    mark: (_where, problem) => {
      markEnd(select, error, problemText(problem, { key }));
      return options.length > 0 ? select : null;
    },
  };
}

/** The items by title; one the filters name that the list no longer has is kept, shown by its id. */
function titledOptions(items, value) {
  const known = items.map((item) => item.id);
  return [
    ...items.map((item) => [item.id, titleOf(item)]),
    ...value.filter((itemId) => !known.includes(itemId)).map((itemId) => [itemId, itemId]),
  ];
}

function noneYet(title, none) {
  return el(
    'fieldset',
    { class: 'panel segment__group' },
    el('legend', { text: title }),
    el('p', { class: 'muted', text: none }),
  );
}

function rangeOf({ key, legend, help, ends, read, write, money, local, value }) {
  const id = nextId();
  const error = errorLine(`${id}-error`);
  const hint = help ? el('p', { class: 'field__help', id: `${id}-help`, text: t(`segments.help.${key}`) }) : null;
  const node = el(
    'fieldset',
    { class: 'panel segment__group', 'aria-describedby': [hint?.id, error.id].filter(Boolean).join(' ') },
    el('legend', { text: legend }),
    hint,
    el('div', { class: 'segment__range' }, ...ends.map((end) => end.node)),
    error,
  );
  const clear = () => {
    error.textContent = '';
    for (const end of ends) markEnd(end.input, end.error, null);
  };
  for (const end of ends) write(end.input, value?.[end.end]);
  return {
    key,
    node,
    read: () => {
      const entries = ends.map((end) => [end.end, read(end.input)]).filter(([, value]) => value !== undefined);
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    },
    check: () => ends.map((end) => checkEnd(end, local)).every(Boolean),
    clear,
    mark: (where, problem) => {
      const end = ends.find((candidate) => where === `/${candidate.end}`);
      const text = problemText(problem, { key, where, money });
      if (!end) {
        error.textContent = text;
        return ends[0].input;
      }
      markEnd(end.input, end.error, text);
      return end.input;
    },
  };
}

/** An input whose text is no number (or no whole date) reads as empty: say so, rather than count without it. */
function checkEnd(end, local) {
  const bad = end.input.validity.badInput;
  markEnd(end.input, end.error, bad ? t(`segments.problems.${local}`) : null);
  return !bad;
}

function endInput({ end, label, type, step }) {
  const id = nextId();
  const error = errorLine(`${id}-error`);
  const input = el('input', { id, type, step, min: type === 'number' ? '0' : undefined, 'aria-describedby': error.id });
  const node = el('div', { class: 'field' }, el('label', { for: id, text: label }), input, error);
  return { end, input, error, node };
}

function errorLine(id) {
  return el('span', { class: 'field__error', id });
}

function markEnd(input, error, text) {
  error.textContent = text ?? '';
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A title in the reader's language, else in any it has. */
function titleOf(item) {
  return item.title?.[language()] ?? Object.values(item.title ?? {})[0] ?? item.id;
}
