import type { MemberState } from '../conversation/chatState.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { escalate } from '../desk/escalate.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { message, type Button, type Outbound } from '../outbound.ts';

export type TicketOffer = NonNullable<MemberState['offer']>;

/** The payloads of an offer's buttons; Telegram's 64 bytes are plenty, the text waits in the chat's state. */
export const offerPayload = { yes: 'nlu:yes', backToMenu: 'nlu:menu' } as const;

export function isOfferAnswer(payload: string): boolean {
  return payload === offerPayload.yes || payload === offerPayload.backToMenu;
}

/**
 * Opening a ticket is something done on a guess, so it is asked first:
 * "Shall I ask a person from our team? [Yes] [Back to menu]". The text that
 * would go with the ticket waits in the chat's state until the answer.
 */
export async function offerTicket(turn: Turn, chat: MemberChat, offer: TicketOffer): Promise<Outbound[]> {
  await saveState(turn, chat, { state: { v: 1, step: 'member', offer } });
  return [confirmation(turn, turn.t(`understanding.offer.${offer.reason}`), offerPayload.yes)];
}

/** A question with [Yes] (its own payload) and [Back to menu]. */
export function confirmation(turn: Turn, question: string, yesPayload: string): Outbound {
  const row: Button[] = [
    { label: turn.t('understanding.yes'), payload: yesPayload },
    { label: turn.t('understanding.backToMenu'), payload: offerPayload.backToMenu },
  ];
  return message(question, [row]);
}

/** Yes opens the offered ticket with its text; Back to menu (or a Yes whose offer is gone) shows the menu. */
export async function answerOffer(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  payload: string,
): Promise<Outbound[]> {
  const { offer } = chat.state;
  if (payload === offerPayload.yes && offer) return escalate(turn, chat, member, offer.reason, offer.text);
  if (offer) await saveState(turn, chat, { state: { v: 1, step: 'member' } });
  return [withMenu(turn, turn.t(payload === offerPayload.yes ? 'understanding.offerGone' : 'menu.title'))];
}
