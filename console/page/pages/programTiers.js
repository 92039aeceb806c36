// The tiers as a table a marketer edits row by row: code, the lifetime
// figure the tier starts at (lei of spend, or points earned, as the rules'
// basis says), and its rates. Rows come and go; at least one stays.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { markInput, numberValue, problemText, units } from './programFields.js';

const COLUMNS = [
  { name: 'code', attributes: { type: 'text', autocomplete: 'off', maxlength: 24, required: true } },
  { name: 'threshold', attributes: { type: 'number', min: 0, required: true } },
  { name: 'earnPercent', attributes: { type: 'number', min: 0, max: 100, step: 1, required: true } },
  { name: 'discountPercent', attributes: { type: 'number', min: 0, max: 100, step: 1, required: true } },
];

let made = 0;

/**
 * `basis()` says what thresholds count ('spend' in lei, 'earned' in points);
 * `onEdit` runs on every change, rows added or removed included.
 */
export function tiersTable({ basis, onEdit }) {
  const table = { rows: [], basis, onEdit };
  table.body = el('tbody');
  table.error = el('p', { class: 'field__error', id: `tiers-error-${++made}` });
  table.head = el('tr');
  const add = el('button', { type: 'button', text: t('program.tiers.add'), onclick: () => addRow(table) });
  table.node = el(
    'fieldset',
    { class: 'panel rules__group', 'aria-describedby': table.error.id },
    el('legend', { text: t('program.groups.tiers') }),
    el('p', { class: 'field__help', text: t('program.help.tiers') }),
    el(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('program.groups.tiers') },
      el('table', { class: 'tiers' }, el('thead', {}, table.head), table.body),
    ),
    table.error,
    add,
  );
  return {
    node: table.node,
    read: () => table.rows.map((row) => row.read()),
    write: (tiers) => drawRows(table, tiers),
    /** The control at a pointer such as /tiers/1/threshold, or the table itself at /tiers. */
    control: (pointer) => controlAt(table, pointer),
    clear: () => {
      table.error.textContent = '';
      for (const row of table.rows) row.cells.forEach((cell) => cell.mark(null));
    },
    /** The basis changed: the same figures, now read in its unit. */
    relabel: () =>
      drawRows(
        table,
        table.rows.map((row) => row.read()),
      ),
  };
}

function drawRows(table, tiers) {
  drawHead(table);
  table.rows = tiers.map((tier, index) => newRow(table, tier, index));
  table.body.replaceChildren(...table.rows.map((row) => row.node));
  const alone = table.rows.length <= 1;
  for (const row of table.rows) row.remove.disabled = alone;
}

function drawHead(table) {
  const threshold = table.basis() === 'earned' ? 'thresholdEarned' : 'thresholdSpend';
  const names = ['code', threshold, 'earnPercent', 'discountPercent'];
  table.head.replaceChildren(
    ...names.map((name) => el('th', { scope: 'col', text: t(`program.tiers.${name}`) })),
    el('th', { scope: 'col', text: t('program.tiers.actions') }),
  );
}

function newRow(table, tier, index) {
  const cells = COLUMNS.map((column) => newCell(table, column, index));
  cells.forEach((cell, i) => cell.write(tier[COLUMNS[i].name]));
  const remove = el('button', {
    type: 'button',
    class: 'danger',
    text: t('program.tiers.remove'),
    'aria-label': t('program.tiers.removeRow', { n: index + 1 }),
    onclick: () => removeRow(table, index),
  });
  const node = el('tr', {}, ...cells.map((cell) => el('td', {}, cell.input, cell.error)), el('td', {}, remove));
  const read = () => Object.fromEntries(cells.map((cell, i) => [COLUMNS[i].name, cell.read()]));
  return { node, cells, remove, read };
}

function newCell(table, column, index) {
  made += 1;
  const id = `tier-${made}`;
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const unitOf = () => (column.name === 'threshold' && table.basis() === 'spend' ? units.money : units.count);
  const input = el('input', {
    id,
    ...column.attributes,
    'aria-label': t('program.tiers.cell', { n: index + 1, column: t(`program.tiers.${columnLabel(table, column)}`) }),
    'aria-describedby': error.id,
  });
  if (column.name === 'threshold') input.step = unitOf().step;
  const value =
    column.name === 'code'
      ? { read: () => input.value, write: (code) => (input.value = code ?? '') }
      : numberValue(input, unitOf);
  // A bound on a threshold in lei is shown in lei, as the person typed it.
  const mark = (problem) => markInput(input, error, problem, { unit: unitOf() === units.money ? 'money' : 'count' });
  return { input, error, ...value, mark };
}

function columnLabel(table, column) {
  if (column.name !== 'threshold') return column.name;
  return table.basis() === 'earned' ? 'thresholdEarned' : 'thresholdSpend';
}

/** A new tier starts above the last and copies its rates: the marketer changes what differs. */
function addRow(table) {
  const tiers = table.rows.map((row) => row.read());
  const last = tiers.at(-1) ?? { threshold: 0, earnPercent: 0, discountPercent: 0 };
  tiers.push({ code: '', threshold: null, earnPercent: last.earnPercent, discountPercent: last.discountPercent });
  drawRows(table, tiers);
  table.rows.at(-1).cells[0].input.focus();
  table.onEdit();
}

function removeRow(table, index) {
  const tiers = table.rows.map((row) => row.read()).filter((_tier, i) => i !== index);
  drawRows(table, tiers);
  table.rows[Math.min(index, table.rows.length - 1)].remove.focus();
  table.onEdit();
}

function controlAt(table, pointer) {
  if (pointer === '/tiers')
    return {
      input: table.node,
      mark: (problem) => (table.error.textContent = problem ? problemText(problem) : ''),
    };
  const match = /^\/tiers\/(\d+)\/(\w+)$/.exec(pointer);
  const row = match && table.rows[Number(match[1])];
  const column = match && COLUMNS.findIndex((candidate) => candidate.name === match[2]);
  return row && column >= 0 ? row.cells[column] : null;
}
