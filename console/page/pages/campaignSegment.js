// Whom a campaign goes to: a saved segment (GET /api/v1/segments), with how
// many members it matches now and how many of them agreed to news and
// offers, the only ones a campaign reaches. Each count is numbered, so one
// answering late cannot overwrite the count of a newer choice.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { markAt, uniqueId } from './campaignTexts.js';
import { countText } from './campaignWords.js';

/** `segments` to choose from, `value` the chosen id; `onChange` runs when another is chosen. */
export function segmentPart({ segments, value = '', onChange }) {
  const id = uniqueId('segment');
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const count = el('p', { class: 'campaign__reach', id: `${id}-count`, role: 'status', 'aria-live': 'polite' });
  const select = el(
    'select',
    { id, 'aria-describedby': `${id}-count ${id}-error` },
    el('option', { value: '', text: t('campaigns.editor.chooseSegment') }),
    ...segments.map((segment) => el('option', { value: segment.id, text: segment.name })),
  );
  if (value && !segments.some((segment) => segment.id === value))
    select.append(el('option', { value, text: t('campaigns.segmentGone') }));
  select.value = value;
  const counting = { asked: 0 };
  const refresh = () => countMembers(select.value, count, counting);
  select.addEventListener('change', () => {
    refresh();
    onChange();
  });
  refresh();
  const node = el(
    'div',
    { class: 'field' },
    el('label', { for: id, text: t('campaigns.editor.segment') }),
    select,
    count,
    error,
    el('p', {}, el('a', { href: '#/segments/new', text: t('campaigns.editor.newSegment') })),
  );
  return {
    node,
    read: () => ({ segmentId: select.value }),
    places: () => [['/segmentId', { focus: () => select.focus(), mark: (message) => markAt(select, error, message) }]],
  };
}

async function countMembers(segmentId, count, counting) {
  const mine = ++counting.asked;
  if (!segmentId) return void (count.textContent = '');
  count.textContent = t('campaigns.editor.counting');
  try {
    const answer = await api('GET', `/segments/${encodeURIComponent(segmentId)}/count`);
    if (mine !== counting.asked) return;
    count.textContent = [
      countText('campaigns.editor.segmentMembers', answer.members),
      countText('campaigns.editor.segmentOptedIn', answer.optedIn),
    ].join(' ');
  } catch {
    if (mine === counting.asked) count.textContent = t('campaigns.editor.countFailed');
  }
}
