// The rest of a member's page: their requests to staff (each a link into the
// desk inbox for those who work it), linked chats, which notifications they
// switched off, and what they consented to, when.
import { el } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { channelName } from './deskWords.js';
import { languageName } from './memberWords.js';

export function detailPanels(page, profile) {
  return [
    ticketsPanel(page, profile.tickets),
    chatsPanel(profile.chats),
    notificationsPanel(profile.notifications),
    consentPanel(profile.consent),
  ];
}

function panel(heading, ...children) {
  return el('section', { class: 'panel' }, el('h2', { text: heading }), ...children);
}

function ticketsPanel(page, tickets) {
  const counts = el('p', { text: t('members.tickets.counts', tickets) });
  if (tickets.recent.length === 0)
    return panel(t('members.tickets.heading'), el('p', { class: 'muted', text: t('members.tickets.empty') }));
  const items = tickets.recent.map((ticket) => {
    const line = t('members.tickets.line', {
      reason: t(`desk.reason.${ticket.reason}`),
      time: formatTime(ticket.openedAt),
    });
    const status = [t(`desk.status.${ticket.status}`), ticket.rating ? t('members.tickets.rated', ticket) : null];
    const title = page.may('desk')
      ? el('a', { href: `#/desk/${encodeURIComponent(ticket.id)}`, text: line })
      : el('span', { text: line });
    return el('li', {}, title, el('span', { class: 'muted', text: ` · ${status.filter(Boolean).join(' · ')}` }));
  });
  return panel(t('members.tickets.heading'), counts, el('ul', { class: 'member__lines' }, ...items));
}

function chatsPanel(chats) {
  if (chats.length === 0)
    return panel(t('members.chats.heading'), el('p', { class: 'muted', text: t('members.chats.empty') }));
  const items = chats.map((chat) => {
    const line = t('members.chats.line', {
      channel: channelName(chat.channel),
      language: languageName(chat.locale),
      time: formatTime(chat.linkedAt),
    });
    const unreachable = chat.unreachableAt
      ? t('members.chats.unreachable', { time: formatTime(chat.unreachableAt) })
      : null;
    return el('li', { text: [line, unreachable].filter(Boolean).join(' · ') });
  });
  return panel(t('members.chats.heading'), el('ul', { class: 'member__lines' }, ...items));
}

function notificationsPanel(notifications) {
  const rows = notifications.flatMap(({ topic, on }) => [
    el('dt', { text: t(`members.notifications.topics.${topic}`) }),
    el('dd', { text: t(on ? 'members.notifications.on' : 'members.notifications.off') }),
  ]);
  return panel(t('members.notifications.heading'), el('dl', { class: 'member__facts' }, ...rows));
}

function consentPanel(consent) {
  return panel(
    t('members.consent.heading'),
    el('p', { text: t('members.consent.line', { time: formatTime(consent.at), version: consent.version }) }),
  );
}
