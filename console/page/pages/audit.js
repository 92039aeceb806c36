import { api } from '../api.js';
import { el, heading, table } from '../dom.js';
import { formatTime, t } from '../i18n.js';

const PAGE = 50;

/** The audit log, newest first; older entries load below. */
export async function render() {
  const entries = [];
  const holder = el('div');
  const count = el('p', { class: 'muted', role: 'status' });
  const more = el('button', { type: 'button', text: t('audit.more'), onclick: () => load() });
  async function load() {
    const before = entries.at(-1)?.at;
    const page = await api('GET', `/audit?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
    entries.push(...page.entries);
    more.hidden = page.entries.length < PAGE;
    count.textContent = t('audit.count', { count: entries.length });
    holder.replaceChildren(
      entries.length === 0
        ? el('p', { text: t('audit.empty') })
        : table(
            t('audit.heading'),
            [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.subject'), t('audit.change')],
            entries.map((entry) => [
              el('time', { datetime: entry.at, text: formatTime(entry.at) }),
              document.createTextNode(entry.actor),
              el('code', { text: entry.action }),
              document.createTextNode(entry.subject),
              change(entry),
            ]),
          ),
    );
  }
  await load();
  return el('section', {}, heading(t('audit.heading')), count, holder, more);
}

function change(entry) {
  const show = (value) => (value === null || value === undefined ? '—' : JSON.stringify(value));
  return el(
    'span',
    { class: 'change' },
    el('del', { text: show(entry.before) }),
    ' → ',
    el('ins', { text: show(entry.after) }),
  );
}
