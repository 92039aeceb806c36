import { DateTime } from 'luxon';
import { message, type Outbound } from '../outbound.ts';
import type { ParsedPayload } from '../payloads.ts';
import type { Birthday } from '../members/membersPorts.ts';
import type { ChatRecord } from './conversationPorts.ts';
import { parseBirthday } from '../members/parseBirthday.ts';
import { completeRegistration } from './completeRegistration.ts';
import { promptFor } from './prompts.ts';
import type { Turn } from './turn.ts';

type BirthdayChat = ChatRecord & { state: { step: 'birthday'; name: string; phone: string } };

/** Registration, step 3: an optional birthday, then the card is issued. */
export async function answerBirthday(
  turn: Turn,
  chat: BirthdayChat,
  pressed: ParsedPayload | null,
): Promise<Outbound[]> {
  const { event } = turn.inbound;
  if (pressed?.kind === 'skipBirthday') return completeRegistration(turn, chat, null);
  const today = DateTime.fromJSDate(turn.now, { zone: turn.deps.settings.timezone });
  const birthday: Birthday | null = event.kind === 'text' ? parseBirthday(event.text, today) : null;
  if (birthday === null) return [message(turn.t('registration.badBirthday')), promptFor(turn, chat.state)];
  return completeRegistration(turn, chat, birthday);
}
