import type { Channel } from '../inbound.ts';

/**
 * Where a member is best reached when a message may go to any of their
 * chats: Telegram, then Viber, then the web chat. Storage orders its chat
 * lookups by this list; it is written nowhere else.
 */
export const channelPreference: readonly Channel[] = ['telegram', 'viber', 'web'];
