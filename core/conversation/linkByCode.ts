import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { message, type Outbound } from '../outbound.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ChatRecord } from './conversationPorts.ts';
import { carryReferral } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import { ChatChangedError, type Turn } from './turn.ts';

type PhoneChat = ChatRecord & { state: { step: 'phone' } };

/** How long a link code lives, and how many wrong ones a chat may type before asking for a new one. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const WRONG_CODES_ALLOWED = 5;
/** Six digits: typed by a person, and never read as a phone number (those are longer). */
export const LINK_CODE = /^\d{6}$/;

/**
 * A typed number that belongs to a member is confirmed with a one-time code
 * sent to a chat that member already uses: whoever can read it there may
 * connect this chat to the same card. The answer here names no one and no
 * channel; when the member has no chat to send it to, it is the answer a
 * taken number always got.
 */
export async function offerLinkCode(turn: Turn, chat: PhoneChat, holder: MemberRecord): Promise<Outbound[] | null> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const confirm = {
    memberId: holder.id,
    codeHash: hashOf(code),
    expiresAt: new Date(turn.now.getTime() + CODE_LIFETIME_MS).toISOString(),
    tries: 0,
  };
  const nextState = { v: 1, step: 'phone', name: chat.state.name, ...carryReferral(chat.state), confirm } as const;
  const channel = turn.deps.translator.forLocale(holder.locale)(`desk.channel.${turn.inbound.channel}`);
  const notice = {
    memberId: holder.id,
    dedupeKey: `link-code:${chat.id}:${turn.inbound.updateId}`,
    message: {
      ...message(turn.deps.translator.forLocale(holder.locale)('linking.codeNotice', { channel, code })),
      ephemeral: true,
    },
  };
  const outcome = await turn.deps.members.sendLinkCode({
    memberId: holder.id,
    chatId: chat.id,
    chatVersion: chat.version,
    nextState,
    notice,
    at: turn.now,
  });
  if (outcome === 'chat-changed') throw new ChatChangedError();
  if (outcome !== 'sent') return null;
  return [message(turn.t('linking.codeSent')), promptFor(turn, nextState)];
}

/** The code typed back: right links the chat, wrong counts, expired or too many wrong asks for the number again. */
export async function answerLinkCode(
  turn: Turn,
  chat: PhoneChat,
  typed: string,
  link: (member: MemberRecord) => Promise<Outbound[]>,
): Promise<Outbound[]> {
  const { confirm } = chat.state;
  if (!confirm) throw new Error('answerLinkCode needs a chat that waits for a code');
  const back = { v: 1, step: 'phone', name: chat.state.name, ...carryReferral(chat.state) } as const;
  if (turn.now.getTime() > Date.parse(confirm.expiresAt)) return startOver(turn, chat, back, 'linking.codeExpired');
  if (!sameHash(hashOf(typed), confirm.codeHash)) {
    if (confirm.tries + 1 >= WRONG_CODES_ALLOWED) return startOver(turn, chat, back, 'linking.tooManyWrongCodes');
    await saveState(turn, chat, { state: { ...chat.state, confirm: { ...confirm, tries: confirm.tries + 1 } } });
    return [message(turn.t('linking.wrongCode'))];
  }
  const member = await turn.deps.members.findMember(confirm.memberId);
  if (!member) return startOver(turn, chat, back, 'linking.codeExpired');
  return link(member);
}

async function startOver(turn: Turn, chat: PhoneChat, back: PhoneChat['state'], key: string): Promise<Outbound[]> {
  await saveState(turn, chat, { state: back });
  return [message(turn.t(key)), promptFor(turn, back)];
}

function hashOf(code: string): string {
  return createHash('sha256').update(`link-code:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
