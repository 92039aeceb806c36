import type { GrantOutcome, PrizeGrant } from '../../contests/prizePorts.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { isUniqueViolation, uniqueTarget } from '../db/isUniqueViolation.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { asLocale } from '../members/records.ts';

export const PRIZE_LEDGER_KIND = 'prize';

/** A fresh code clashing with a live one is a one-in-billions event; a few new draws settle it. */
const CODE_TRIES = 5;

/**
 * Records a win once: the row's insert is the claim (`ON CONFLICT ("winId")
 * DO NOTHING`, which on PostgreSQL does not abort the transaction), and only
 * the claimant credits the points (ledger key `prize:<winId>`, unique too)
 * and writes the winner's message, in the same transaction.
 */
export async function grantPrize(db: Database, grant: PrizeGrant): Promise<GrantOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const code = grant.newCode ? grant.newCode() : null;
    try {
      return await withTransactionRetry(db, (tx) => grantInTransaction(tx, grant, code));
    } catch (error) {
      const clash = isUniqueViolation(error) && uniqueTarget(error).includes('code');
      if (!clash || attempt >= CODE_TRIES) throw error;
    }
  }
}

async function grantInTransaction(tx: Tx, grant: PrizeGrant, code: string | null): Promise<GrantOutcome> {
  const member = await tx.member.findUnique({ where: { id: grant.memberId } });
  if (!member || member.erasedAt) return 'member-gone';
  const inserted = await tx.$executeRaw`
    INSERT INTO "PrizeAward" ("winId", "sourceKind", "sourceId", "prize", "memberId", "name", "points", "code", "awardedAt")
    VALUES (${grant.winId}, ${grant.source.kind}, ${grant.source.id}, ${grant.prize}, ${grant.memberId},
            ${JSON.stringify(grant.name)}, ${grant.points}, ${code}, ${grant.at})
    ON CONFLICT ("winId") DO NOTHING`;
  if (inserted === 0) return 'already';
  if (grant.points !== null)
    await creditInTransaction(tx, {
      memberId: grant.memberId,
      kind: PRIZE_LEDGER_KIND,
      points: grant.points,
      idempotencyKey: `prize:${grant.winId}`,
      expiresAt: grant.expiresAt,
      at: grant.at,
    });
  const notification = grant.notify({ locale: asLocale(member.locale), name: member.name }, code);
  await enqueueInTransaction(tx, { ...notification, at: grant.at }, { tellWhyNot: false });
  return 'granted';
}
