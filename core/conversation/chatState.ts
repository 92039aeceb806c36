import { z } from 'zod';

/**
 * Where a conversation stands. Stored as JSON on the chat and parsed here,
 * so a row written by an older version is read safely. `v` is the schema
 * version: bump it and add a branch when the shape changes.
 */
export const chatStateSchema = z.discriminatedUnion('step', [
  z.object({ v: z.literal(1), step: z.literal('name') }),
  z.object({ v: z.literal(1), step: z.literal('phone'), name: z.string() }),
  z.object({ v: z.literal(1), step: z.literal('birthday'), name: z.string(), phone: z.string() }),
  z.object({ v: z.literal(1), step: z.literal('member') }),
]);

export type ChatState = z.infer<typeof chatStateSchema>;

export const askName: ChatState = { v: 1, step: 'name' };
export const asMember: ChatState = { v: 1, step: 'member' };

/** Parses stored state; null when it is unreadable, so the caller can recover. */
export function parseChatState(json: string): ChatState | null {
  try {
    const parsed = chatStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
