// Builders for tests of the scheduled jobs on a real database: members with a
// chat (or without), lots of points with chosen expiries, the jobs' deps at a
// time the test names, and what the ledger and the outbox hold afterwards.
import { asMember } from '../../../../core/conversation/chatState.ts';
import { createTranslator } from '../../../../core/i18n/translator.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { JobRuns } from '../../../../core/jobs/jobsPorts.ts';
import type { BirthdayJobDeps } from '../../../../core/members/membersPorts.ts';
import type { ExpiryJobDeps } from '../../../../core/points/pointsPorts.ts';
import { silentLogger } from '../../../../core/logger.ts';
import { programRulesSchema } from '../../../../core/program/programRules.ts';
import { createJobRuns } from '../../../../core/storage/jobs/createJobRuns.ts';
import { createBirthdayStore } from '../../../../core/storage/members/createBirthdayStore.ts';
import { createExpiryStore } from '../../../../core/storage/points/createExpiryStore.ts';
import { creditInTransaction } from '../../../../core/storage/points/creditInTransaction.ts';
import { debitInTransaction } from '../../../../core/storage/points/lots.ts';
import { openDatabase, type Database, type Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../../../../core/storage/points/createPointsStore.ts';
import { parseReplies } from '../../../../core/storage/conversation/storedReplies.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';

export const DAY_MS = 86_400_000;
export const TIMEZONE = 'Europe/Chisinau';
export const translator = createTranslator();

export interface MemberOptions {
  name?: string;
  locale?: Locale;
  birthday?: { day: number; month: number; year?: number };
  birthdaySetAt?: Date | null;
  /** Without a chat the member cannot be written to. */
  chat?: boolean;
}

let members = 0;

/** A fresh migrated database and the jobs built on it. */
export async function createJobsWorld(provider: Provider) {
  const db = await createTestDatabase(provider);
  const opened: Database[] = [];
  return {
    db,
    deps: (options: Partial<WorldJobDeps> = {}) => jobDepsFor(db, options),
    /** The jobs of a second instance: another client on the same database. */
    secondInstance: () => {
      const other = openDatabase(db.url);
      opened.push(other);
      return jobDepsFor(other);
    },
    useRules: (overrides: Record<string, unknown>) =>
      createPointsStore(db).saveRules(programRulesSchema.parse(overrides)),
    aMember: (options: MemberOptions = {}) => aMember(db, options),
    aLot: (memberId: string, points: number, expiresAt: Date | null, at: Date) =>
      aLot(db, memberId, points, expiresAt, at),
    spend: (memberId: string, points: number, at: Date) =>
      db.prisma.$transaction((tx) =>
        debitInTransaction(tx, { memberId, kind: 'redeem', points, idempotencyKey: crypto.randomUUID(), at }),
      ),
    ...ledgerQueries(db),
    ...outboxQueries(db),
    dispose: async () => {
      for (const other of opened) await other.close();
      await db.dispose();
    },
  };
}

export type JobsWorld = Awaited<ReturnType<typeof createJobsWorld>>;

/** Every store the jobs use, on one database: what the scheduler of one instance holds. */
export type WorldJobDeps = ExpiryJobDeps & BirthdayJobDeps & { runs: JobRuns };

function jobDepsFor(db: Database, options: Partial<WorldJobDeps> = {}): WorldJobDeps {
  const points = createPointsStore(db);
  return {
    expiry: createExpiryStore(db),
    birthdays: createBirthdayStore(db),
    runs: createJobRuns(db),
    translator,
    settings: { timezone: TIMEZONE },
    loadRules: () => points.loadRules(),
    log: silentLogger,
    ...options,
  };
}

async function aMember(db: TestDatabase, options: MemberOptions): Promise<string> {
  members += 1;
  const id = crypto.randomUUID();
  const at = new Date('2020-01-01T00:00:00Z');
  const { birthday } = options;
  await db.prisma.member.create({
    data: {
      id,
      cardNumber: String(400_000_000_000 + members),
      name: options.name ?? 'Anna',
      phone: `+3736${String(members).padStart(7, '0')}`,
      locale: options.locale ?? 'en',
      birthDay: birthday?.day ?? null,
      birthMonth: birthday?.month ?? null,
      birthYear: birthday?.year ?? null,
      birthdaySetAt: options.birthdaySetAt === undefined ? (birthday ? at : null) : options.birthdaySetAt,
      consentAt: at,
      consentVersion: 'test-consent',
      createdAt: at,
    },
  });
  if (options.chat !== false) {
    await db.prisma.chat.create({
      data: {
        id: crypto.randomUUID(),
        channel: 'telegram',
        address: String(800_000 + members),
        locale: options.locale ?? 'en',
        state: JSON.stringify(asMember),
        consentAt: at,
        consentVersion: 'test-consent',
        memberId: id,
      },
    });
  }
  return id;
}

/** A lot of points credited at `at`, expiring at `expiresAt` (or never); returns its ledger id. */
async function aLot(
  db: TestDatabase,
  memberId: string,
  points: number,
  expiresAt: Date | null,
  at: Date,
): Promise<string> {
  const idempotencyKey = `test-lot:${crypto.randomUUID()}`;
  await db.prisma.$transaction((tx) =>
    creditInTransaction(tx, { memberId, kind: 'adjust', points, idempotencyKey, expiresAt, at }),
  );
  return (await db.prisma.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey } })).id;
}

function ledgerQueries(db: TestDatabase) {
  return {
    balanceOf: async (memberId: string) =>
      (await db.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).balance,
    ledgerSum: async (memberId: string) =>
      (await db.prisma.ledgerEntry.aggregate({ where: { memberId }, _sum: { delta: true } }))._sum.delta ?? 0,
    remainingOf: async (lotId: string) =>
      (await db.prisma.ledgerEntry.findUniqueOrThrow({ where: { id: lotId } })).remaining,
    entriesOf: (memberId: string, kind: string) =>
      db.prisma.ledgerEntry.findMany({ where: { memberId, kind }, orderBy: { seq: 'asc' } }),
  };
}

function outboxQueries(db: TestDatabase) {
  return {
    /** Outbox rows whose dedupe key starts with `prefix`. */
    outbox: (prefix: string) =>
      db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: 'asc' } }),
    textOf: (row: { payload: string }) => parseReplies(row.payload)?.[0]?.text ?? null,
  };
}
