import type { Database, Provider } from '../core/storage/db/openDatabase.ts';

/** The issue's sizes, times BENCH_ANALYTICS_SCALE (default 1: 100,000 members, 1,000,000 purchases…). */
export interface AnalyticsSizes {
  members: number;
  purchases: number;
  ledger: number;
  answers: number;
}

export function analyticsSizes(scale = Number(process.env.BENCH_ANALYTICS_SCALE ?? 1)): AnalyticsSizes {
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return { members: of(100_000), purchases: of(1_000_000), ledger: of(5_000_000), answers: of(1_000_000) };
}

/** Members join over three years up to here; purchases, points and answers fall between a member's joining and here. */
const START_S = Date.UTC(2023, 11, 1) / 1000;
const END_S = Date.UTC(2026, 11, 1) / 1000;
const BATCH = 250_000;
/** The seed of the row hash: the same seed, the same data set. */
const SEED = Number(process.env.BENCH_ANALYTICS_SEED ?? 13);

/**
 * Seeds the analytics data set reproducibly with bulk SQL that the database
 * runs itself (a recursive CTE on SQLite, generate_series on PostgreSQL):
 * every value is a hash of the row number and the seed, so two runs write
 * the same rows. Members join evenly over three years; each purchase,
 * ledger entry and answer belongs to a member picked by the hash and falls
 * between their joining and the end; one purchase in fifty is refunded.
 */
export async function seedAnalytics(db: Database, sizes: AnalyticsSizes): Promise<void> {
  const sql = dialect(db.provider);
  const run = async (total: number, statement: (from: number, to: number) => string) => {
    for (let from = 0; from < total; from += BATCH)
      await db.prisma.$executeRawUnsafe(statement(from, Math.min(total, from + BATCH)));
  };
  const joined = (member: string) => `(${START_S} + (${member}) * ${Math.floor((END_S - START_S) / sizes.members)})`;
  const member = (n: string, salt: number) => `(${hash(n, salt)} % ${sizes.members})`;
  const between = (m: string, n: string, salt: number) =>
    `(${joined(m)} + ${hash(n, salt)} % (${END_S} - ${joined(m)}))`;
  await run(
    sizes.members,
    (from, to) => `
    INSERT INTO "Member" ("id", "cardNumber", "name", "searchName", "phone", "locale", "consentAt", "consentVersion",
                          "balance", "tier", "createdAt", "updatedAt")
    ${sql.series(from, to)}
    SELECT 'm' || n, 'B' || n, 'Member ' || n, 'member ' || n, '+3736' || n, 'ro', ${sql.at(joined('n'))}, 'bench',
           ${hash('n', 1)} % 500, CASE n % 4 WHEN 0 THEN 'bronze' WHEN 1 THEN 'silver' WHEN 2 THEN 'gold' ELSE 'vip' END,
           ${sql.at(joined('n'))}, ${sql.at(joined('n'))} FROM seq`,
  );
  await run(
    sizes.purchases,
    (from, to) => `
    INSERT INTO "Purchase" ("id", "memberId", "receiptId", "requestHash", "amount", "redeemedPoints", "redeemedAmount",
                            "paidAmount", "discountPercent", "earnedPoints", "source", "refundedAt", "createdAt")
    ${sql.series(from, to)}, p AS (SELECT n, ${member('n', 2)} AS m, 1000 + ${hash('n', 3)} % 90000 AS amount FROM seq)
    SELECT 'p' || n, 'm' || m, 'b' || n, 'bench', amount, 0, 0, amount, 0, amount / 3333, 'api',
           CASE WHEN n % 50 = 0 THEN ${sql.at(`${between('m', 'n', 4)} + 86400`)} ELSE NULL END, ${sql.at(between('m', 'n', 4))}
    FROM p`,
  );
  const kinds = `CASE n % 10 WHEN 6 THEN 'redeem' WHEN 7 THEN 'expire' WHEN 8 THEN 'welcome' WHEN 9 THEN 'adjust' ELSE 'purchase' END`;
  await run(
    sizes.ledger,
    (from, to) => `
    INSERT INTO "LedgerEntry" ("id", "memberId", "kind", "seq", "delta", "balanceAfter", "remaining", "idempotencyKey", "createdAt")
    ${sql.series(from, to)}, e AS (SELECT n, ${member('n', 5)} AS m FROM seq)
    SELECT 'l' || n, 'm' || m, ${kinds}, n + 1, CASE WHEN n % 10 IN (6, 7) THEN -5 ELSE 10 END, 0, 0, 'l' || n,
           ${sql.at(between('m', 'n', 6))} FROM e`,
  );
  await seedChatsAndAnswers(db, sizes, sql, { member, between });
}

type Dialect = ReturnType<typeof dialect>;

/** Most members chat (from the day they joined; one in twenty only later), answer NPS, and some wrote to the desk. */
async function seedChatsAndAnswers(
  db: Database,
  sizes: AnalyticsSizes,
  sql: Dialect,
  pick: { member: (n: string, salt: number) => string; between: (m: string, n: string, salt: number) => string },
): Promise<void> {
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Chat" ("id", "channel", "address", "locale", "state", "consentAt", "consentVersion", "memberId", "createdAt", "updatedAt")
    SELECT 'c' || substr("id", 2), 'web', "id", 'ro', '{"kind":"idle"}', "createdAt", 'bench', "id",
           "createdAt", "createdAt" FROM "Member" WHERE ${sql.mod('CAST(substr("id", 2) AS INTEGER)', 10)} < 6`);
  for (let from = 0; from < sizes.answers; from += BATCH) {
    const to = Math.min(sizes.answers, from + BATCH);
    await db.prisma.$executeRawUnsafe(`
      INSERT INTO "SurveyQuestion" ("id", "memberId", "kind", "touchpoint", "dedupeKey", "status", "locale", "dueAt",
                                    "answeredAt", "answeredDay", "askedAt", "askedDay", "score", "scoreGroup")
      ${sql.series(from, to)}, a AS (SELECT n, ${pick.member('n', 7)} AS m, ${hash('n', 8)} % 11 AS score FROM seq),
      b AS (SELECT n, m, score, ${pick.between('m', 'n', 9)} AS s FROM a)
      SELECT 'q' || n, 'm' || m, CASE WHEN n % 5 = 0 THEN 'csat' ELSE 'nps' END, CASE WHEN n % 5 = 0 THEN 'desk' ELSE 'purchase' END,
             'bench:' || n, 'answered', 'ro', ${sql.at('s')}, ${sql.at('s')}, ${sql.day('s')}, ${sql.at('s')}, ${sql.day('s')},
             CASE WHEN n % 5 = 0 THEN 1 + score % 5 ELSE score END,
             CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END FROM b`);
  }
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "SurveyDailyScore" ("kind", "touchpoint", "day", "store", "score", "answers")
    SELECT "kind", "touchpoint", "answeredDay", '', "score", COUNT(*) FROM "SurveyQuestion"
    GROUP BY "kind", "touchpoint", "answeredDay", "score"`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "SurveyDailyAsked" ("kind", "touchpoint", "day", "store", "asked", "answered")
    SELECT "kind", "touchpoint", "askedDay", '', COUNT(*), COUNT(*) FROM "SurveyQuestion" GROUP BY "kind", "touchpoint", "askedDay"`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Ticket" ("id", "memberId", "chatId", "channel", "address", "locale", "reason", "status", "text", "openedAt",
                          "firstResponseAt", "resolvedAt")
    SELECT 't' || substr("id", 2), "memberId", "id", 'web', "address", 'ro', 'button',
           CASE WHEN ${sql.mod('CAST(substr("id", 2) AS INTEGER)', 7)} = 0 THEN 'open' ELSE 'resolved' END, '', "createdAt",
           "createdAt", "createdAt" FROM "Chat" WHERE ${sql.mod('CAST(substr("id", 2) AS INTEGER)', 20)} = 0`);
}

/** A 31-bit hash of a row number, the seed and a salt (Knuth's multiplicative hash, kept inside 64-bit integers). */
function hash(n: string, salt: number): string {
  return `((((${n}) + ${SEED * 1_000_003 + salt * 7919}) * 2654435761) % 2147483647)`;
}

function dialect(provider: Provider) {
  if (provider === 'sqlite')
    return {
      series: (from: number, to: number) =>
        `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < ${to})`,
      at: (seconds: string) => `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${seconds}, 'unixepoch')`,
      day: (seconds: string) => `strftime('%Y-%m-%d', ${seconds} + 7200, 'unixepoch')`,
      mod: (value: string, by: number) => `(${value} % ${by})`,
    };
  return {
    series: (from: number, to: number) => `WITH seq(n) AS (SELECT generate_series(${from}::bigint, ${to - 1}::bigint))`,
    at: (seconds: string) => `(TIMESTAMP '1970-01-01' + (${seconds}) * INTERVAL '1 second')`,
    day: (seconds: string) =>
      `to_char(TIMESTAMP '1970-01-01' + (${seconds} + 7200) * INTERVAL '1 second', 'YYYY-MM-DD')`,
    mod: (value: string, by: number) => `(${value} % ${by})`,
  };
}
