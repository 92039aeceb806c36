// A CSV export for any table the console shows: the same head and rows,
// saved as a file by the browser. Cells are quoted when they need it, and a
// text that a spreadsheet would run as a formula (=, +, -, @ in front) is
// kept as text. A byte-order mark lets spreadsheet programs read UTF-8.
import { el, saveFile } from './dom.js';
import { t } from './i18n.js';

/** A button that downloads `head` and `rows` (arrays of strings or numbers) as `filename`. */
export function csvLink(filename, head, rows) {
  return el('button', {
    type: 'button',
    class: 'csv-link',
    text: t('csv.download'),
    'aria-label': t('csv.downloadNamed', { name: filename }),
    onclick: () => saveFile({ blob: csvBlob(head, rows), name: filename }),
  });
}

/** The CSV text of a table, lines ended with CRLF as RFC 4180 says. */
export function csvText(head, rows) {
  return [head, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvBlob(head, rows) {
  return new Blob(['\uFEFF', csvText(head, rows)], { type: 'text/csv;charset=utf-8' });
}

function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
