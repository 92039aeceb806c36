import type { Database } from '../core/storage/db/openDatabase.ts';

/**
 * `count` members who said yes to news and offers, each with a Telegram
 * chat, in three languages and four tiers. The database makes the rows from
 * a series (`INSERT … SELECT`), since Prisma's `createMany` manages about a
 * thousand rows a second here and this is 200,000 of them.
 */
export async function seedOptedIn(db: Database, count: number): Promise<void> {
  const sql = db.provider === 'sqlite' ? sqliteSeed : postgresSeed;
  await db.prisma.$executeRawUnsafe(sql.members(count));
  await db.prisma.$executeRawUnsafe(sql.chats(count));
}

const MEMBER_COLUMNS = `"id", "cardNumber", "name", "searchName", "locale", "tier", "balance", "marketingOptIn", "consentAt", "consentVersion", "createdAt", "updatedAt"`;
const CHAT_COLUMNS = `"id", "channel", "address", "locale", "state", "memberId", "lastSeenAt", "consentAt", "consentVersion", "createdAt", "updatedAt"`;
const LOCALE = (i: string) => `CASE ${i} % 3 WHEN 0 THEN 'ru' WHEN 1 THEN 'ro' ELSE 'en' END`;
const TIER = (i: string) =>
  `CASE (${i} / 4) % 4 WHEN 0 THEN 'bronze' WHEN 1 THEN 'silver' WHEN 2 THEN 'gold' ELSE 'vip' END`;
const STATE = `'{"v":1,"step":"member"}'`;

const sqliteSeed = {
  members: (count: number) => `
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})
    INSERT INTO "Member" (${MEMBER_COLUMNS})
    SELECT 'm' || printf('%07d', i), printf('%d', 200000000000 + i), 'Member ' || i, 'member ' || i, ${LOCALE('i')},
           ${TIER('i')}, (i * 37) % 5000, 1, '2026-01-01T00:00:00.000+00:00', 'bench',
           '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00'
    FROM n`,
  chats: (count: number) => `
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})
    INSERT INTO "Chat" (${CHAT_COLUMNS})
    SELECT 'c' || printf('%07d', i), 'telegram', printf('%d', 10000000 + i), ${LOCALE('i')}, ${STATE}, 'm' || printf('%07d', i),
           '2026-11-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00', 'bench',
           '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00'
    FROM n`,
};

const postgresSeed = {
  members: (count: number) => `
    INSERT INTO "Member" (${MEMBER_COLUMNS})
    SELECT 'm' || lpad(i::text, 7, '0'), (200000000000 + i)::text, 'Member ' || i, 'member ' || i, ${LOCALE('i')},
           ${TIER('i')}, (i * 37) % 5000, true, TIMESTAMP '2026-01-01', 'bench', TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01'
    FROM generate_series(0, ${count - 1}) AS n(i)`,
  chats: (count: number) => `
    INSERT INTO "Chat" (${CHAT_COLUMNS})
    SELECT 'c' || lpad(i::text, 7, '0'), 'telegram', (10000000 + i)::text, ${LOCALE('i')}, ${STATE}, 'm' || lpad(i::text, 7, '0'),
           TIMESTAMP '2026-11-01', TIMESTAMP '2026-01-01', 'bench', TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01'
    FROM generate_series(0, ${count - 1}) AS n(i)`,
};
