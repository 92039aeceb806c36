import type { MemberChat } from '../conversation/conversationPorts.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { isLocale } from '../i18n/locale.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import { payload } from '../payloads.ts';
import { confirmation, offerTicket } from './offerTicket.ts';

const LANGUAGE_NAME = /^language\.(.+)$/;

/**
 * A member's free text, answered by what it asks for: a read-only screen
 * (balance, card, history…) opens at once; what would change something (a
 * ticket, the language) is asked first. Null when the text is not understood,
 * or understood as an intent no capability registered (the next wave's quiz).
 */
export async function understandTyped(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  text: string,
): Promise<Outbound[] | null> {
  const { deps } = turn;
  const intent = (await deps.understanding.understand(text, turn.locale))?.intent;
  // Complaints: the classifier's guess, or the catalogue's marker words (core/desk/complaintMarkers.ts).
  if (intent === 'human' && deps.menu.byIntent('human')) return offerTicket(turn, chat, { reason: 'button', text });
  if ((intent === 'complaint' || deps.desk.looksLikeComplaint(text)) && deps.menu.byIntent('complaint'))
    return offerTicket(turn, chat, { reason: 'complaint', text });
  const locale = LANGUAGE_NAME.exec(intent ?? '')?.[1];
  if (isLocale(locale) && deps.menu.byIntent('language')) {
    const language = turn.t(`language.name.${locale}`);
    return [confirmation(turn, turn.t('understanding.switchLanguage', { language }), payload.language(locale))];
  }
  if (intent === 'menu') return [withMenu(turn, turn.t('menu.title'))];
  const entry = intent === undefined ? undefined : deps.menu.byIntent(intent);
  if (!entry) return null;
  // Understood: the texts missed before no longer count towards offering a person.
  const fresh = await forgetMisses(turn, chat);
  return entry.open(turn, fresh, member, '');
}

async function forgetMisses(turn: Turn, chat: MemberChat): Promise<MemberChat> {
  if (!chat.state.missed && !chat.state.offer) return chat;
  const state = { v: 1 as const, step: 'member' as const };
  await saveState(turn, chat, { state });
  return { ...chat, state, version: chat.version + 1 };
}
