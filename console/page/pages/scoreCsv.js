// A CSV export of one of the score pages' tables: the same head and rows the
// table shows, as a file a spreadsheet opens. (To be folded into the
// analytics pages' shared csv.js.)
import { el, saveFile } from '../dom.js';
import { t } from '../i18n.js';

/** A button that saves `head` and `rows` (strings or numbers) as `name`. */
export function csvButton(name, head, rows) {
  return el('button', {
    type: 'button',
    text: t('scores.csv'),
    'aria-label': `${t('scores.csv')}: ${name}`,
    onclick: () => saveFile({ blob: new Blob([csvOf(head, rows)], { type: 'text/csv;charset=utf-8' }), name }),
  });
}

/** RFC 4180: every cell quoted, quotes doubled; a byte-order mark so spreadsheets read UTF-8. */
export function csvOf(head, rows) {
  const line = (cells) => cells.map((cell) => `"${safeCell(cell).replaceAll('"', '""')}"`).join(',');
  return `\uFEFF${[head, ...rows].map(line).join('\r\n')}\r\n`;
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe; numbers stay numbers. */
function safeCell(cell) {
  if (typeof cell === 'number') return String(cell);
  const text = String(cell ?? '');
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
