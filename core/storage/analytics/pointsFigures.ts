import { Prisma } from '../generated/sqlite/client.ts';

// Which points figure a ledger entry counts in, written once in the two
// forms that use it, side by side so they change together: each entry as it
// is written (`pointsFiguresOf`), and the sums a rebuild computes
// (`pointsFiguresSql`). The test that a rebuild equals the incremental
// figures holds them to each other. A credit of any kind but `refund` is
// issued, a `redeem` debit is redeemed, an `expire` debit is expired; a
// refund moves points back and forth and counts in none.

export function pointsFiguresOf(kind: string, delta: number): { issued: number; redeemed: number; expired: number } {
  return {
    issued: delta > 0 && kind !== 'refund' ? delta : 0,
    redeemed: kind === 'redeem' ? -delta : 0,
    expired: kind === 'expire' ? -delta : 0,
  };
}

/** The same three figures as SQL sums over LedgerEntry rows named `e`. */
export const pointsFiguresSql = {
  issued: Prisma.sql`SUM(CASE WHEN e."delta" > 0 AND e."kind" <> 'refund' THEN e."delta" ELSE 0 END)`,
  redeemed: Prisma.sql`SUM(CASE WHEN e."kind" = 'redeem' THEN -e."delta" ELSE 0 END)`,
  expired: Prisma.sql`SUM(CASE WHEN e."kind" = 'expire' THEN -e."delta" ELSE 0 END)`,
};
