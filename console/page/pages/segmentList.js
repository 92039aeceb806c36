// The saved segments by name, each with how many members it matches now
// (counted one by one after the list is shown, so a slow count holds up no
// other row), a link to edit it and a button to delete it once confirmed.
import { api, ApiError } from '../api.js';
import { el, heading, notice, table } from '../dom.js';
import { t } from '../i18n.js';
import { currentQuery } from '../router.js';
import { membersText } from './segmentWords.js';

export async function render(context) {
  const message = el('div', { class: 'form__message' });
  const holder = el('div');
  const redraw = async () => holder.replaceChildren(await segmentsTable(context, message, redraw));
  const { segments } = await api('GET', '/segments');
  const saved = segments.find((segment) => segment.id === currentQuery().get('saved'));
  if (saved) message.replaceChildren(notice(t('segments.saved', { name: saved.name })));
  holder.replaceChildren(drawTable(context, segments, message, redraw));
  return el(
    'section',
    { class: 'segments' },
    heading(t('segments.heading')),
    el('p', { text: t('segments.intro') }),
    el('p', {}, el('a', { class: 'button primary', href: '#/segments/new', text: t('segments.new') })),
    message,
    holder,
  );
}

async function segmentsTable(context, message, redraw) {
  const { segments } = await api('GET', '/segments');
  return drawTable(context, segments, message, redraw);
}

function drawTable(context, segments, message, redraw) {
  if (segments.length === 0) return el('p', { class: 'muted', text: t('segments.none') });
  const rows = segments.map((segment) => [
    document.createTextNode(segment.name),
    countCell(segment),
    actions(context, segment, message, redraw),
  ]);
  return table(t('segments.listCaption'), [t('segments.name'), t('segments.members'), t('segments.actions')], rows);
}

/** Shown at once as "counting…", then the count; a count that fails says so in its own row only. */
function countCell(segment) {
  const cell = el('span', { 'aria-busy': 'true', 'data-segment-count': segment.id, text: t('segments.counting') });
  api('GET', `/segments/${encodeURIComponent(segment.id)}/count`)
    .then((count) => (cell.textContent = membersText(count.members)))
    .catch(() => (cell.textContent = t('segments.countFailed')))
    .finally(() => cell.setAttribute('aria-busy', 'false'));
  return cell;
}

function actions(context, segment, message, redraw) {
  const edit = el('a', {
    href: `#/segments/${encodeURIComponent(segment.id)}`,
    text: t('segments.edit'),
    'aria-label': t('segments.editNamed', { name: segment.name }),
  });
  const remove = el('button', {
    type: 'button',
    class: 'danger',
    text: t('segments.delete'),
    'aria-label': t('segments.deleteNamed', { name: segment.name }),
    onclick: () => removeSegment(context, segment, message, redraw),
  });
  return el('span', { class: 'actions' }, edit, remove);
}

async function removeSegment(context, segment, message, redraw) {
  if (!confirm(t('segments.confirmDelete', { name: segment.name }))) return;
  try {
    await api('DELETE', `/segments/${encodeURIComponent(segment.id)}`);
    message.replaceChildren(notice(t('segments.deleted', { name: segment.name })));
  } catch (error) {
    // Deleted meanwhile, by someone else: what the person wanted has happened.
    if (!(error instanceof ApiError) || error.status !== 404) return context.failed(error);
    message.replaceChildren(notice(t('segments.deleted', { name: segment.name })));
  }
  await redraw().catch(context.failed);
}
