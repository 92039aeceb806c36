import { message, type Outbound } from '../outbound.ts';
import type { ChatRecord } from './conversationPorts.ts';
import { normalizePhone } from '../members/normalizePhone.ts';
import { asMember, carryReferral } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { phoneText } from './phoneText.ts';
import { ChatChangedError, type Turn } from './turn.ts';

/**
 * Registration, step 2: the phone number, shared as a contact or typed.
 * A number that already belongs to a member links this chat to that card,
 * but only when the messenger vouches that the number is the sender's own.
 */
export async function answerPhone(turn: Turn, chat: ChatRecord & { state: { step: 'phone' } }): Promise<Outbound[]> {
  const { t, inbound, deps } = turn;
  const { event } = inbound;
  const retry = (key: string) => [message(t(phoneText(inbound.channel, key))), promptFor(turn, chat.state)];
  if (event.kind === 'contact' && !event.isOwn) return retry('registration.notOwnContact');
  const raw = event.kind === 'contact' ? event.phone : event.kind === 'text' ? event.text : null;
  const phone = raw === null ? null : normalizePhone(raw, deps.settings.phoneRegion);
  if (phone === null) return retry('registration.badPhone');
  const existing = await deps.members.findMemberByPhone(phone);
  if (existing && event.kind !== 'contact') return retry('registration.phoneTaken');
  if (existing) {
    if (!(await deps.chats.linkChat(chat.id, chat.version, existing.id, asMember))) throw new ChatChangedError();
    return [
      { text: t('registration.linked', { name: existing.name }), removeKeyboard: true },
      withMenu(turn, t('menu.title')),
    ];
  }
  const next = { v: 1, step: 'birthday', name: chat.state.name, phone, ...carryReferral(chat.state) } as const;
  await saveState(turn, chat, { state: next });
  return [{ text: t('registration.phoneSaved'), removeKeyboard: true }, promptFor(turn, next)];
}
