import { z } from 'zod';
import { parseStoredJson } from '../parseStoredJson.ts';

/** How the cashier named the member; kept so that a one-time code is used up by the purchase itself. */
const referenceSchema = z.union([
  z.object({ code: z.string() }).strict(),
  z.object({ cardNumber: z.string() }).strict(),
  z.object({ phone: z.string() }).strict(),
  z.object({ memberId: z.string() }).strict(),
]);

const member = { memberId: z.string(), reference: referenceSchema };
/** The receipt of the purchase this session recorded last, so a late second Confirm is recognised. */
const last = { last: z.string().optional() };

/**
 * Where a cashier stands at the till. Stored as JSON in TillSession and
 * parsed here, so a row written by an older version is read safely. `ref`
 * ties the earn/spend buttons to the screen that showed them; `receiptId` is
 * fixed when the summary is shown, so every Confirm of it names one receipt.
 */
export const tillStateSchema = z.discriminatedUnion('step', [
  z.object({ v: z.literal(1), step: z.literal('idle'), ...last }),
  z.object({ v: z.literal(1), step: z.literal('member'), ...last }),
  z.object({ v: z.literal(1), step: z.literal('amount'), ...member }),
  z.object({
    v: z.literal(1),
    step: z.literal('choice'),
    ...member,
    amount: z.number().int().positive(),
    ref: z.string(),
  }),
  z.object({
    v: z.literal(1),
    step: z.literal('confirm'),
    ...member,
    amount: z.number().int().positive(),
    redeemPoints: z.number().int().min(0),
    receiptId: z.string(),
  }),
]);

export type TillState = z.infer<typeof tillStateSchema>;
export type MemberAtTill = Extract<TillState, { step: 'amount' }>;

export const tillIdle: TillState = { v: 1, step: 'idle' };

/** Parses stored state; an unreadable row means no purchase is in progress. */
export function parseTillState(json: string): TillState {
  return parseStoredJson(tillStateSchema, json) ?? tillIdle;
}

/** Keeps the receipt recorded last across steps, so a late Confirm of it is still recognised. */
export function lastReceiptOf(state: TillState): { last?: string } {
  return (state.step === 'idle' || state.step === 'member') && state.last ? { last: state.last } : {};
}

/** Is a purchase being entered, so that texts and commands belong to the till? */
export function isTillActive(state: TillState): boolean {
  return state.step !== 'idle';
}
