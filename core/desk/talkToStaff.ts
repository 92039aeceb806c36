import type { MemberState } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import type { InboundEvent } from '../inbound.ts';
import { balanceText } from '../menu/showBalance.ts';
import { message, type Outbound } from '../outbound.ts';
import type { ParsedPayload } from '../payloads.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { ticketButtons } from './ticketButtons.ts';

/**
 * A member whose ticket is open talks to staff, not to the bot: what they
 * write (photos too) goes to the ticket's thread and gets no answer from the
 * bot. The balance stays one button away. Once staff have resolved the
 * ticket, the chat is the bot's again and the message is answered as usual.
 */
export async function talkToStaff(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  pressed: ParsedPayload | null,
  serveAsUsual: (chat: MemberChat) => Promise<Outbound[]>,
): Promise<Outbound[]> {
  const { t, inbound, deps } = turn;
  if (isBalanceRequest(inbound.event, pressed)) return [message(await balanceText(turn, member), ticketButtons(t))];
  const words = relayedWords(inbound.event);
  if (pressed || words === null) {
    // A button after staff resolved the ticket is the bot's again (a text finds that out by being refused below).
    const ticket = await deps.desk.store.find(ticketId);
    if (!ticket || ticket.status === 'resolved') return giveBackToBot(turn, chat, serveAsUsual);
    return [message(t('desk.withStaff'), ticketButtons(t))];
  }
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  const sourceKey = `${inbound.channel}:${inbound.updateId}`;
  const photo = inbound.event.kind === 'photo' ? { channel: inbound.channel, fileId: inbound.event.fileId } : undefined;
  const outcome = await deps.desk.store.addCustomerMessage(
    { ticketId, sourceKey, author: 'customer', text: words, ...(photo && { photoFileId: photo.fileId }), at: turn.now },
    {
      dedupeKey: `desk:${ticketId}:in:${sourceKey}`,
      post: {
        kind: 'thread',
        text: staffT(photo ? 'desk.thread.customerPhoto' : 'desk.thread.customer', { name: member.name }),
        ...(words && { quote: words }),
        ...(photo && { photo }),
      },
    },
  );
  if (outcome === 'added' || outcome === 'duplicate') return [];
  return giveBackToBot(turn, chat, serveAsUsual);
}

/** Staff resolved the ticket meanwhile: the bot has the chat again, and answers this update as usual. */
async function giveBackToBot(
  turn: Turn,
  chat: MemberChat,
  serveAsUsual: (chat: MemberChat) => Promise<Outbound[]>,
): Promise<Outbound[]> {
  const rest: MemberState = { ...chat.state };
  delete rest.ticket;
  await saveState(turn, chat, { state: rest });
  return serveAsUsual({ ...chat, state: rest, version: chat.version + 1 });
}

function isBalanceRequest(event: InboundEvent, pressed: ParsedPayload | null): boolean {
  return (
    (pressed?.kind === 'menu' && pressed.item === 'balance') ||
    (event.kind === 'command' && event.command === 'balance')
  );
}

/** What of the member's message staff get; null for what carries no words for them (a shared contact). */
function relayedWords(event: InboundEvent): string | null {
  switch (event.kind) {
    case 'text':
      return event.text;
    case 'photo':
      return event.caption ?? '';
    case 'command':
      return `/${event.command}${event.payload ? ` ${event.payload}` : ''}`;
    case 'button':
    case 'contact':
      return null;
  }
}
