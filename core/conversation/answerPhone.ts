import { message, type Outbound } from '../outbound.ts';
import type { ChatRecord } from './conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { normalizePhone } from '../members/normalizePhone.ts';
import { asMember, carryReferral } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { phoneText } from './phoneText.ts';
import { ChatChangedError, type Turn } from './turn.ts';
import { answerLinkCode, LINK_CODE, offerLinkCode } from './linkByCode.ts';
import { linkCodeIn } from '../members/linkCode.ts';

type PhoneChat = ChatRecord & { state: { step: 'phone' } };

/** Numbers a chat may try in an hour: enough for typos, too few to probe who is registered. */
export const PHONE_ATTEMPTS_PER_HOUR = 5;

/**
 * Registration, step 2: the phone number, shared as a contact or typed.
 * Only a contact the platform vouches for proves the number is theirs (see
 * ContactOwnership); anything else counts as typed. The proven owner
 * always wins: they link to a card whose number is proven
 * (or that no chat speaks for yet), else the number leaves the card that
 * only typed it and the owner gets a card of their own.
 */
export async function answerPhone(turn: Turn, chat: PhoneChat): Promise<Outbound[]> {
  const { t, inbound, deps } = turn;
  const { event } = inbound;
  const retry = (key: string) => [message(t(phoneText(inbound.channel, key))), promptFor(turn, chat.state)];
  if (chat.state.confirm && event.kind === 'text' && LINK_CODE.test(event.text.trim()))
    return answerLinkCode(turn, chat, event.text.trim(), (member) => linkTo(turn, chat, member));
  const linkCode = event.kind === 'text' ? linkCodeIn(event.text) : null;
  if (linkCode) return redeemLinkCode(turn, chat, linkCode, retry);
  if (event.kind === 'contact' && event.ownership === 'someone-else') return retry('registration.notOwnContact');
  const verified = event.kind === 'contact' && event.ownership === 'proven';
  if (!verified && (await deps.members.countPhoneAttempt(chat.id, turn.now)) > PHONE_ATTEMPTS_PER_HOUR)
    return retry('registration.tooManyPhones');
  const raw = event.kind === 'contact' ? event.phone : event.kind === 'text' ? event.text : null;
  const phone = raw === null ? null : normalizePhone(raw, deps.settings.phoneRegion);
  if (phone === null) return retry('registration.badPhone');
  const existing = await deps.members.findMemberByPhone(phone);
  // The answer names no one: it only says the number cannot be used from here.
  if (existing && !verified) return (await offerLinkCode(turn, chat, existing)) ?? retry('registration.phoneTaken');
  if (existing) {
    const linked = await linkProvenNumber(turn, chat, existing, phone);
    if (linked) return linked;
  }
  // A number of one's own, typed or shared, ends any wait for a code.
  const next = {
    v: 1,
    step: 'birthday',
    name: chat.state.name,
    phone,
    verified,
    ...carryReferral(chat.state),
  } as const;
  await saveState(turn, chat, { state: next });
  return [{ text: t('registration.phoneSaved'), removeKeyboard: true }, promptFor(turn, next)];
}

/**
 * A proven number that has a card: the chat joins that member when the
 * number is theirs; null when it left a card that only typed it (the chat
 * then gets a card of its own).
 */
export async function linkProvenNumber(
  turn: Turn,
  chat: ChatRecord,
  holder: MemberRecord,
  phone: string,
): Promise<Outbound[] | null> {
  return (await claimFrom(turn, chat, holder, phone)) === 'link' ? linkTo(turn, chat, holder) : null;
}

async function claimFrom(turn: Turn, chat: ChatRecord, holder: MemberRecord, phone: string) {
  const notice = {
    memberId: holder.id,
    dedupeKey: `phone-released:${holder.id}:${turn.inbound.updateId}`,
    message: message(turn.deps.translator.forLocale(holder.locale)('registration.phoneReleased')),
  };
  const outcome = await turn.deps.members.claimPhone({
    memberId: holder.id,
    phone,
    at: turn.now,
    notice,
    claimingChatId: chat.id,
  });
  if (outcome === 'moved') throw new ChatChangedError();
  if (outcome === 'released')
    // Ids only: staff can follow the number's move without the log holding it.
    turn.deps.log.warn(
      { releasedMemberId: holder.id, claimingChatId: chat.id },
      'an unproven phone number went to the member who proved it',
    );
  return outcome;
}

/** Connects the chat to an existing member: no second card, no second welcome bonus. */
export async function linkTo(turn: Turn, chat: ChatRecord, member: MemberRecord): Promise<Outbound[]> {
  if (!(await turn.deps.chats.linkChat(chat.id, chat.version, member.id, asMember))) throw new ChatChangedError();
  return linkedReplies(turn, member);
}

/**
 * A code the cashier's till showed: counted like a typed number (a chat
 * cannot sweep the code space), then spent and the chat joined to its card.
 */
async function redeemLinkCode(
  turn: Turn,
  chat: PhoneChat,
  code: string,
  retry: (key: string) => Outbound[],
): Promise<Outbound[]> {
  if ((await turn.deps.members.countPhoneAttempt(chat.id, turn.now)) > PHONE_ATTEMPTS_PER_HOUR)
    return retry('registration.tooManyPhones');
  const redeemed = await turn.deps.members.redeemLinkCode({
    code,
    chatId: chat.id,
    chatVersion: chat.version,
    nextState: asMember,
    at: turn.now,
  });
  if (redeemed === 'chat-changed') throw new ChatChangedError();
  if (redeemed === 'invalid') return retry('registration.linkCodeInvalid');
  return linkedReplies(turn, redeemed);
}

function linkedReplies(turn: Turn, member: MemberRecord): Outbound[] {
  return [
    {
      text: turn.t('registration.linked', {
        name: member.name,
        points: turn.t('points', { count: member.balance }),
      }),
      removeKeyboard: true,
    },
    withMenu(turn, turn.t('menu.title')),
  ];
}
