import type { MemberState } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';

/**
 * The customer closes their own request (✖ Close my request, or /cancel):
 * the ticket is resolved as closed by the customer, staff read so in the
 * thread and on the ticket's card, nobody asks for a rating, and the chat is
 * the bot's again.
 */
export async function closeRequest(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
): Promise<Outbound[]> {
  const { deps, t, now } = turn;
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  const outcome = await deps.desk.store.closeByCustomer(ticketId, now, [
    { dedupeKey: `desk:${ticketId}:refresh:closed-by-customer`, post: { kind: 'refresh' } },
    {
      dedupeKey: `desk:${ticketId}:closed-by-customer`,
      post: { kind: 'thread', text: staffT('desk.thread.closedByCustomer', { name: member.name }) },
    },
  ]);
  const rest: MemberState = { ...chat.state };
  delete rest.ticket;
  await saveState(turn, chat, { state: rest });
  if (outcome === 'closed') deps.log.info({ ticketId }, 'desk: ticket closed by the customer');
  return [withMenu(turn, t('desk.closedByYou'))];
}
