import { randomUUID } from 'node:crypto';
import { ChatChangedError, type Turn } from '../conversation/turn.ts';
import type { MemberState } from '../conversation/chatState.ts';
import { message, type Outbound } from '../outbound.ts';
import type { ChatRecord } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { NewTicket, TicketReason } from './deskPorts.ts';
import { nextAnnouncementAt } from './deskSettings.ts';
import { ticketButtons } from './ticketButtons.ts';

/**
 * Hands the member over to a person: a ticket is opened, its message is
 * queued for the staff channel, and from now on the chat talks to staff
 * (the state names the ticket) until they resolve it.
 */
export async function escalate(
  turn: Turn,
  chat: ChatRecord & { state: MemberState },
  member: MemberRecord,
  reason: TicketReason,
  text: string,
  /** The ticket's id when the caller links it elsewhere (a survey answer), and what a survey adds to it. */
  extra: { id?: string } & Partial<Pick<NewTicket, 'surveyScore' | 'followUpBy'>> = {},
): Promise<Outbound[]> {
  const { deps, t, now, inbound } = turn;
  const { store, settings } = deps.desk;
  const { id = randomUUID(), ...survey } = extra;
  const outcome = await store.open({
    ticket: {
      id,
      memberId: member.id,
      chatId: chat.id,
      channel: inbound.channel,
      address: inbound.address,
      locale: turn.locale,
      reason,
      text,
      openedAt: now,
      nextAnnounceAt: nextAnnouncementAt(now, now, settings),
      ...survey,
    },
    chat: { id: chat.id, version: chat.version, state: { v: 1, step: 'member', ticket: id } },
    posts: [{ dedupeKey: `desk:${id}:ticket`, post: { kind: 'ticket' } }],
  });
  // A ticket of this id opened meanwhile (a survey's job, for the same answer): the turn is answered again, against it.
  if (outcome !== 'opened') throw new ChatChangedError();
  deps.log.info({ ticketId: id, reason, channel: inbound.channel }, 'desk: ticket opened');
  // A waiting time is promised only while someone can see the ticket (a desk is connected).
  const promise = (await deps.desk.deskConnected())
    ? t(`desk.opened.${reason}`, { count: settings.expectedWaitMinutes })
    : t(`desk.recorded.${reason}`);
  return [message(promise, ticketButtons(t, id))];
}
