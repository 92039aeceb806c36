import { z } from 'zod';
import type { Inbound } from '../../core/inbound.ts';

/** What the chat page posts: an id it made for the message, and what the person did. */
export const webChatMessageSchema = z.object({
  id: z.string().regex(/^[\w-]{8,64}$/, 'id must be 8–64 characters of letters, digits, _ or -'),
  event: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string().min(1).max(4000) }),
    z.object({ kind: z.literal('button'), payload: z.string().min(1).max(64) }),
    z.object({
      kind: z.literal('command'),
      command: z.string().regex(/^[a-z_]{1,32}$/),
      payload: z.string().max(64).optional(),
    }),
  ]),
});

export type WebChatMessage = z.infer<typeof webChatMessageSchema>;

/** A web chat post as the core's `Inbound`; commands typed as `/balance` become commands. */
export function parseWebChatMessage(message: WebChatMessage, visitorId: string, languageHint?: string): Inbound {
  const { event } = message;
  const typedCommand = event.kind === 'text' ? /^\/([a-z_]{1,32})(?:\s+(.*))?$/i.exec(event.text.trim()) : null;
  const normalized = typedCommand
    ? {
        kind: 'command' as const,
        command: typedCommand[1]!.toLowerCase(),
        ...(typedCommand[2] && { payload: typedCommand[2] }),
      }
    : event;
  return {
    channel: 'web',
    address: visitorId,
    updateId: `${visitorId}:${message.id}`,
    repliesInResponse: true,
    ...(languageHint && { languageHint }),
    event: normalized,
  };
}
