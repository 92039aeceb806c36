import { z } from 'zod';
import { parseStoredJson } from '../parseStoredJson.ts';

/**
 * Where a conversation stands. Stored as JSON on the chat and parsed here,
 * so a row written by an older version is read safely. `v` is the schema
 * version: bump it and add a branch when the shape changes.
 */
// Referral: the invitation code a newcomer came with travels through registration (optional, so older rows still parse).
const ref = z
  .string()
  .regex(/^[A-Z0-9]{4,16}$/)
  .optional();

export const chatStateSchema = z.discriminatedUnion('step', [
  z.object({ v: z.literal(1), step: z.literal('name'), ref }),
  z.object({
    v: z.literal(1),
    step: z.literal('phone'),
    name: z.string(),
    ref,
    // One member across channels: a typed number that has a card waits for the code sent to that member's chat.
    confirm: z
      .object({
        memberId: z.string(),
        codeHash: z.string(),
        expiresAt: z.iso.datetime(),
        tries: z.number().int().nonnegative(),
      })
      .optional(),
  }),
  z.object({
    v: z.literal(1),
    step: z.literal('birthday'),
    name: z.string(),
    phone: z.string(),
    // Proven by the messenger (the sender's own contact); absent on older rows, which were typed or not told apart.
    verified: z.boolean().optional(),
    ref,
  }),
  z.object({
    v: z.literal(1),
    step: z.literal('member'),
    // Staff desk: the ticket this chat talks to staff in (the bot steps aside while it is open)…
    ticket: z.string().optional(),
    // …the resolved ticket whose rating may get a comment as the next text…
    commentFor: z.string().optional(),
    // …and the texts in a row the bot did not understand (the second opens a ticket).
    missed: z.array(z.string()).max(2).optional(),
    // Understanding: a ticket offered for what the member typed, opened when they press Yes (core/understanding).
    offer: z.object({ reason: z.enum(['button', 'complaint', 'notUnderstood']), text: z.string() }).optional(),
    // Surveys: the answered question whose follow-up ("What would make it a 10?") the next text answers (core/surveys).
    surveyComment: z.string().optional(),
    // Contests: the contest whose entry the next picture is (core/contests/submitEntry.ts).
    contestEntry: z.string().optional(),
  }),
]);

export type ChatState = z.infer<typeof chatStateSchema>;
/** A registered member's chat state. */
export type MemberState = Extract<ChatState, { step: 'member' }>;

/** Referral: the invitation code of a registration step, to carry into the next one (`{}` when none). */
export function carryReferral(state: ChatState): { ref?: string } {
  return 'ref' in state && state.ref ? { ref: state.ref } : {};
}

export const askName: ChatState = { v: 1, step: 'name' };
export const asMember: ChatState = { v: 1, step: 'member' };

/** Parses stored state; null when it is unreadable, so the caller can recover. */
export function parseChatState(json: string): ChatState | null {
  return parseStoredJson(chatStateSchema, json);
}
