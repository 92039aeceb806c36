// Builders for tests of the points engine on a real database: members with a
// chat, lots of points with chosen expiries, purchases at a clock the test
// moves, and the ledger figures every test can check against the balance.
import { asMember } from '../../../core/conversation/chatState.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { silentLogger } from '../../../core/logger.ts';
import type { PurchaseOutcome, PurchaseRecord, RefundOutcome } from '../../../core/points/pointsPorts.ts';
import { createPointsService, type PointsService } from '../../../core/points/pointsService.ts';
import { programRulesSchema } from '../../../core/program/programRules.ts';
import type { Provider } from '../../../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import type { PurchaseReaction } from '../../../core/storage/points/purchaseReactions.ts';
import { creditOnce } from '../../../core/storage/points/creditOnce.ts';
import { parseReplies } from '../../../core/storage/conversation/storedReplies.ts';
import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.ts';

export const DAY_MS = 86_400_000;
export const start = new Date('2026-03-10T10:00:00Z');
export const translator = createTranslator();

export interface TestMember {
  id: string;
  cardNumber: string;
  phone: string;
}

export interface MemberRow {
  lifetimeSpend?: number;
  lifetimeEarned?: number;
  tier?: string | null;
  stamps?: number;
}

export interface Purchase {
  amount: number;
  redeem?: number;
  receiptId?: string;
  /** Names the member by a one-time code instead of the card number. */
  code?: string;
  /** Names the member by their phone instead of the card number. */
  byPhone?: boolean;
}

let members = 0;

/** A fresh migrated database, the points service on it and a clock the test moves. */
export async function createPointsWorld(provider: Provider, options: { reactions?: PurchaseReaction[] } = {}) {
  const db = await createTestDatabase(provider);
  let now = start;
  const store = createPointsStore(db, {}, options.reactions);
  const service = createPointsService({ store, translator, clock: () => now, log: silentLogger });
  return {
    db,
    store,
    service,
    now: () => now,
    /** Moves the clock forward; lots and codes are judged by it. */
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    /** Saves programme rules: the defaults with these fields changed. */
    useRules: (overrides: Record<string, unknown>) => service.saveRules(programRulesSchema.parse(overrides)),
    aMember: (row: MemberRow = {}) => aMember(db, now, row),
    aLot: (member: TestMember, points: number, expiresInDays: number | null) =>
      aLot(db, now, member, points, expiresInDays),
    buy: (member: TestMember, purchase: Purchase) => buy(service, member, purchase),
    ...ledgerQueries(db),
  };
}

export type PointsWorld = Awaited<ReturnType<typeof createPointsWorld>>;

/** A member as registration leaves them (no tier yet), with a Telegram chat to be notified in. */
async function aMember(db: TestDatabase, now: Date, row: MemberRow): Promise<TestMember> {
  members += 1;
  const id = crypto.randomUUID();
  const cardNumber = String(300_000_000_000 + members);
  const phone = `+3736${String(members).padStart(7, '0')}`;
  await db.prisma.member.create({
    data: {
      id,
      cardNumber,
      name: 'Anna',
      phone,
      locale: 'en',
      consentAt: now,
      consentVersion: 'test-consent',
      createdAt: now,
      ...row,
    },
  });
  await db.prisma.chat.create({
    data: {
      id: crypto.randomUUID(),
      channel: 'telegram',
      address: String(700_000 + members),
      locale: 'en',
      state: JSON.stringify(asMember),
      consentAt: now,
      consentVersion: 'test-consent',
      memberId: id,
    },
  });
  return { id, cardNumber, phone };
}

/** Credits a lot that expires so many days from now (negative: already expired), or never; returns its ledger id. */
async function aLot(
  db: TestDatabase,
  now: Date,
  member: TestMember,
  points: number,
  expiresInDays: number | null,
): Promise<string> {
  const idempotencyKey = `test-lot:${crypto.randomUUID()}`;
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  // A lot that has already expired was credited before it expired.
  const at = expiresAt && expiresAt <= now ? new Date(expiresAt.getTime() - 30 * DAY_MS) : now;
  const credited = await creditOnce(db, { memberId: member.id, kind: 'adjust', points, idempotencyKey, expiresAt, at });
  if (!credited) throw new Error('the test lot was not credited');
  return (await db.prisma.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey } })).id;
}

function buy(service: PointsService, member: TestMember, purchase: Purchase): Promise<PurchaseOutcome> {
  return service.recordPurchase({
    member:
      purchase.code !== undefined
        ? { code: purchase.code }
        : purchase.byPhone
          ? { phone: member.phone }
          : { cardNumber: member.cardNumber },
    receiptId: purchase.receiptId ?? `receipt-${crypto.randomUUID()}`,
    amount: purchase.amount,
    redeemPoints: purchase.redeem ?? 0,
    source: 'api',
    recordedBy: 'admin',
  });
}

function ledgerQueries(db: TestDatabase) {
  return {
    balanceOf: async (member: TestMember) =>
      (await db.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).balance,
    ledgerSum: async (member: TestMember) =>
      (await db.prisma.ledgerEntry.aggregate({ where: { memberId: member.id }, _sum: { delta: true } }))._sum.delta ??
      0,
    remainingOf: async (lotId: string) =>
      (await db.prisma.ledgerEntry.findUniqueOrThrow({ where: { id: lotId } })).remaining,
    /** The lot a purchase's earned points went into. */
    earnedLotOf: (purchase: PurchaseRecord) =>
      db.prisma.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: `purchase:${purchase.id}:earn` } }),
    /** `lotId → points` drawn by the purchase's redemption. */
    drawsOfRedemption: async (purchase: PurchaseRecord) => {
      const debit = await db.prisma.ledgerEntry.findUniqueOrThrow({
        where: { idempotencyKey: `purchase:${purchase.id}:redeem` },
      });
      const draws = await db.prisma.lotDraw.findMany({ where: { debitId: debit.id } });
      return Object.fromEntries(draws.map((draw) => [draw.lotId, draw.points]));
    },
    outboxKeys: async (member: TestMember) =>
      (await db.prisma.outboxMessage.findMany({ where: { memberId: member.id }, orderBy: { dedupeKey: 'asc' } })).map(
        (row) => row.dedupeKey,
      ),
    outboxText: async (dedupeKey: string) => {
      const row = await db.prisma.outboxMessage.findUnique({ where: { dedupeKey } });
      return row && parseReplies(row.payload)?.[0]?.text;
    },
  };
}

/** The purchase of a `recorded` outcome; fails the test with the outcome otherwise. */
export function recorded(outcome: PurchaseOutcome): PurchaseRecord {
  if (outcome.kind !== 'recorded')
    throw new Error(`expected the purchase to be recorded, got ${JSON.stringify(outcome)}`);
  return outcome.purchase;
}

/** The purchase of a `refunded` outcome; fails the test with the outcome otherwise. */
export function refunded(outcome: RefundOutcome): PurchaseRecord {
  if (outcome.kind !== 'refunded')
    throw new Error(`expected the purchase to be refunded, got ${JSON.stringify(outcome)}`);
  return outcome.purchase;
}
