import type { Page } from '../../jobs/jobsPorts.ts';
import type { BirthdayGift, BirthdayMember, MonthDay } from '../../members/membersPorts.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import type { Database } from '../db/openDatabase.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { toMemberRecord } from './records.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';

/** Members born on one of `days` whose birthday of `year` was not celebrated yet, in id order. */
export async function birthdaysOn(
  db: Database,
  days: MonthDay[],
  year: number,
  after: string | null,
  limit: number,
): Promise<Page<BirthdayMember>> {
  const rows = await db.prisma.member.findMany({
    where: {
      OR: days.map((day) => ({ birthMonth: day.month, birthDay: day.day })),
      ...(after !== null && { id: { gt: after } }),
    },
    orderBy: { id: 'asc' },
    take: limit,
  });
  const celebrated = await celebratedAmong(
    db,
    rows.map((row) => row.id),
    year,
  );
  const items = rows
    .filter((row) => !celebrated.has(row.id))
    .map((row) => ({ ...pick(toMemberRecord(row)), birthdaySetAt: row.birthdaySetAt }));
  return { items, next: rows.length === limit ? rows.at(-1)!.id : null };
}

function pick(member: { id: string; name: string; locale: BirthdayMember['locale'] }) {
  return { id: member.id, name: member.name, locale: member.locale };
}

/** Members whose gift is in the ledger or whose greeting is in the outbox, for that year. */
async function celebratedAmong(db: Database, memberIds: string[], year: number): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const keys = memberIds.map((id) => birthdayKey(id, year));
  const [gifts, greetings] = await Promise.all([
    db.prisma.ledgerEntry.findMany({ where: { idempotencyKey: { in: keys } }, select: { memberId: true } }),
    db.prisma.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { memberId: true } }),
  ]);
  return new Set([...gifts, ...greetings].map((row) => row.memberId).filter((id): id is string => id !== null));
}

export function birthdayKey(memberId: string, year: number): string {
  return `birthday:${memberId}:${year}`;
}

/**
 * The gift and the greeting in one transaction. The gift's ledger key makes
 * a second celebration (another run, another instance) fail and roll back
 * whole; a greeting without gift is kept once by its outbox key.
 */
export async function celebrate(db: Database, gift: BirthdayGift): Promise<boolean> {
  try {
    return await withTransactionRetry(db, async (tx) => {
      if (gift.points > 0) {
        const key = birthdayKey(gift.memberId, gift.year);
        await creditInTransaction(tx, {
          memberId: gift.memberId,
          kind: 'birthday',
          points: gift.points,
          idempotencyKey: key,
          expiresAt: gift.expiresAt,
          at: gift.at,
        });
      }
      const queued = await enqueueInTransaction(tx, { ...gift.greeting, at: gift.at });
      return gift.points > 0 || queued === 'queued';
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
