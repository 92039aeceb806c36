import { z } from 'zod';
import { channels } from '../inbound.ts';
import { parseStoredJson } from '../parseStoredJson.ts';

/**
 * What the staff desk writes to the staff channel, through the outbox like
 * every other message, so that nothing is lost while Slack is down. The
 * outbox row's address is the ticket's id, so one ticket's posts go out in
 * order and a thread post waits for the message that heads its thread.
 *
 * - `ticket`: the message that heads the ticket's thread (posted once);
 * - `refresh`: that message shows the ticket as it is now (taken, resolved…);
 * - `thread`: a post in the ticket's thread; `broadcast` also shows it in the
 *   channel and calls everyone there (`@here`).
 * Texts are plain: the adapter escapes them, so nobody's words can mention or format.
 * The ticket's message is composed when it is sent, so it is never stale.
 */
export const deskPostSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket') }),
  z.object({ kind: z.literal('refresh') }),
  z.object({
    kind: z.literal('thread'),
    text: z.string(),
    /** Someone's own words (the customer's message, a rating's comment), shown as a quote. */
    quote: z.string().optional(),
    photo: z.object({ channel: z.enum(channels), fileId: z.string() }).optional(),
    broadcast: z.boolean().optional(),
    /** It stands for customer messages held over the relay budget (relayBudget.ts): how many, and how many it quotes. */
    held: z.object({ count: z.number().int(), shown: z.number().int() }).optional(),
  }),
]);

export type DeskPost = z.infer<typeof deskPostSchema>;

/** A desk post as the outbox stores it; null when the JSON is not one this version wrote. */
export function parseDeskPost(json: string): DeskPost | null {
  return parseStoredJson(deskPostSchema, json);
}
