// Every draw, newest first: how members enter, its window, its status, how
// many entries it has and a link to its public page. Those who may create
// draws (`contests`) get a "New draw" link.
import { api } from '../api.js';
import { el, heading, table } from '../dom.js';
import { t } from '../i18n.js';
import { entryText, statusOf, statusText, titleOf, windowText } from './drawWords.js';

export async function render(context) {
  const { draws } = await api('GET', '/draws');
  const mayCreate = context.session.permissions.includes('contests');
  return el(
    'section',
    { class: 'draws' },
    heading(t('draws.heading')),
    el('p', { text: t('draws.intro') }),
    mayCreate ? el('p', {}, el('a', { class: 'button primary', href: '#/draws/new', text: t('draws.new') })) : null,
    draws.length === 0 ? el('p', { class: 'muted', text: t('draws.empty') }) : drawTable(draws),
  );
}

function drawTable(draws) {
  return table(
    t('draws.listCaption'),
    ['title', 'entry', 'window', 'status', 'entries', 'public'].map((column) => t(`draws.columns.${column}`)),
    draws.map((draw) => [
      el('a', { href: `#/draws/${encodeURIComponent(draw.id)}`, text: titleOf(draw) }),
      entryText(draw.entry),
      windowText(draw),
      el('span', { class: `draw__status draw__status--${statusOf(draw)}`, text: statusText(draw) }),
      t('draws.entryCount', { count: draw.entryCount }),
      publicLink(draw),
    ]),
  );
}

/** The public page exists for published draws only. */
export function publicLink(draw) {
  if (!draw.published) return el('span', { class: 'muted', text: t('draws.notPublished') });
  return el('a', {
    href: `/draws/${encodeURIComponent(draw.id)}`,
    text: t('draws.publicLink'),
    'aria-label': t('draws.publicOf', { title: titleOf(draw) }),
  });
}
