import type { Locale } from '../i18n/locale.ts';
import type { ChatRecord } from './conversationPorts.ts';
import type { ChatState } from './chatState.ts';
import { ChatChangedError, type Turn } from './turn.ts';

/** Moves a chat to its next state, or throws if another update got there first. */
export async function saveState(
  turn: Turn,
  chat: ChatRecord,
  change: { state?: ChatState; locale?: Locale },
): Promise<void> {
  const saved = await turn.deps.chats.saveChat(chat.id, chat.version, change);
  if (!saved) throw new ChatChangedError();
}
