/**
 * Which points figure a ledger entry counts in, written once for the
 * incremental count and the rebuild: a credit of any kind but `refund` is
 * issued, a `redeem` debit is redeemed, an `expire` debit is expired; a
 * refund moves points back and forth and counts in none.
 */
export function pointsFiguresOf(kind: string, delta: number): { issued: number; redeemed: number; expired: number } {
  return {
    issued: delta > 0 && kind !== 'refund' ? delta : 0,
    redeemed: kind === 'redeem' ? -delta : 0,
    expired: kind === 'expire' ? -delta : 0,
  };
}
