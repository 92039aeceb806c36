import { message, type Outbound } from '../outbound.ts';
import { parsePayload, type ParsedPayload } from '../payloads.ts';
import type { ChatRecord } from './conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Locale } from '../i18n/locale.ts';
import { languagePicker } from '../menu/languagePicker.ts';
import { isCommand } from '../inbound.ts';
import { serveMember } from '../menu/serveMember.ts';
import { answerBirthday } from './answerBirthday.ts';
import { answerName } from './answerName.ts';
import { answerPhone } from './answerPhone.ts';
import { askName } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import { turnIn, type Turn } from './turn.ts';

/** A chat that has consented: language and help work at every step, then the step decides. */
export async function continueChat(
  turn: Turn,
  chat: ChatRecord & { member: MemberRecord | null },
): Promise<Outbound[]> {
  const { event } = turn.inbound;
  const pressed = event.kind === 'button' ? parsePayload(event.payload) : null;
  if (pressed?.kind === 'language') return switchLanguage(turn, chat, pressed.locale);
  if (chat.state.step !== 'member') return continueRegistration(turn, chat, pressed);
  if (!chat.member) return restartRegistration(turn, chat);
  return serveMember(turn, { ...chat, state: chat.state }, chat.member, pressed);
}

async function continueRegistration(turn: Turn, chat: ChatRecord, pressed: ParsedPayload | null): Promise<Outbound[]> {
  const { t, inbound } = turn;
  const { event } = inbound;
  if (isCommand(event, 'language') || (pressed?.kind === 'menu' && pressed.item === 'language'))
    return [languagePicker(t)];
  if (isCommand(event, 'help')) return [message(t('registration.help')), promptFor(turn, chat.state)];
  if (event.kind === 'command' || pressed?.kind === 'consent')
    return [message(t('registration.continue')), promptFor(turn, chat.state)];
  if (pressed?.kind === 'unknown' || pressed?.kind === 'menu')
    return [message(t('errors.unknownButton')), promptFor(turn, chat.state)];
  switch (chat.state.step) {
    case 'name':
      return answerName(turn, chat, pressed);
    case 'phone':
      return answerPhone(turn, { ...chat, state: chat.state });
    case 'birthday':
      return answerBirthday(turn, { ...chat, state: chat.state }, pressed);
    case 'member':
      throw new Error('unreachable: members are served by serveMember');
  }
}

async function switchLanguage(turn: Turn, chat: ChatRecord, locale: Locale): Promise<Outbound[]> {
  await saveState(turn, chat, { locale });
  if (chat.memberId) await turn.deps.members.setMemberLocale(chat.memberId, locale);
  const next = turnIn(turn.deps, turn.inbound, locale);
  return [message(next.t('language.changed')), promptFor(next, chat.state)];
}

/** The member behind this chat was erased: start over, keeping the consent. */
async function restartRegistration(turn: Turn, chat: ChatRecord): Promise<Outbound[]> {
  await saveState(turn, chat, { state: askName });
  return [promptFor(turn, askName)];
}
