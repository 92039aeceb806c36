import { z } from 'zod';
import { localizedText } from '../textFields.ts';

/**
 * A prize of a draw or a contest, in the order winners take them. Either
 * points, credited to the winner's ledger, or (without `points`) a prize
 * code that the till redeems once.
 */
export const prizeSchema = z.strictObject({
  name: localizedText(200, 'What the winner gets, as members read it.'),
  count: z.int().min(1).max(1000).meta({ description: 'How many winners get this prize.' }),
  points: z.int().min(1).max(10_000_000).optional().meta({
    description: 'Points credited to each winner. Without it, each winner gets a prize code the till redeems once.',
  }),
});

export type Prize = z.infer<typeof prizeSchema>;

export const prizesSchema = z.array(prizeSchema).min(1).max(20);

/** Where a win comes from: a prize draw or a photo or drawing contest. */
export interface PrizeSource {
  kind: 'draw' | 'contest';
  id: string;
}

/** One winner of one prize; `winId` makes awarding it idempotent. */
export interface PrizeWin {
  winId: string;
  memberId: string;
  /** Index into the source's prizes. */
  prize: number;
  /** The prize passed to this winner from one who did not claim it; they have `claimDays` to claim it in turn. */
  passedOn?: { claimDays: number };
}

/**
 * Gives winners their prizes: points credited once, or a prize code
 * issued once, and the winner told in their channel and language. Calling
 * it again with the same `winId` changes nothing.
 */
export interface PrizeAwarding {
  award(
    source: PrizeSource,
    title: Record<string, string | undefined>,
    prizes: Prize[],
    wins: PrizeWin[],
  ): Promise<void>;
}
