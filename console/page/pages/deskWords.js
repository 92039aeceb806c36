// How the desk inbox words a ticket's state: waiting times with their
// plurals, who has it, where the customer wrote from.
import { t } from '../i18n.js';

/** "waiting 5 minutes" while open or taken, "resolved after 2 hours" once resolved; counted on from `fetchedAt`. */
export function waitingText(ticket, fetchedAt) {
  const running = ticket.status === 'resolved' ? 0 : Math.max(0, Math.floor((Date.now() - fetchedAt) / 1000));
  const seconds = ticket.waitedSeconds + running;
  const kind = ticket.status === 'resolved' ? 'waited' : 'waiting';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t(`desk.${kind}.minutes`, { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t(`desk.${kind}.hours`, { count: hours });
  return t(`desk.${kind}.days`, { count: Math.floor(hours / 24) });
}

export function assigneeText(ticket) {
  return ticket.assignee ? t('desk.takenBy', { name: ticket.assignee.name }) : '';
}

/** The messenger's name; one this page has no word for is shown as the API names it. */
export function channelName(channel) {
  const name = t(`desk.channels.${channel}`);
  return name === `desk.channels.${channel}` ? channel : name;
}

/** The list's second and third lines: the wait, then channel, reason and who has it. */
export function ticketLines(ticket, fetchedAt) {
  return [
    waitingText(ticket, fetchedAt),
    [channelName(ticket.channel), t(`desk.reason.${ticket.reason}`), assigneeText(ticket)].filter(Boolean).join(' · '),
  ];
}
