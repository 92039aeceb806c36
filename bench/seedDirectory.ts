import { randomUUID } from 'node:crypto';
import { newCardNumber } from '../core/members/cardNumber.ts';
import { reversedPhoneDigits } from '../core/members/reversedPhoneDigits.ts';
import { searchName } from '../core/members/searchName.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';

const FIRST = [
  'Ion',
  'Maria',
  'Elena',
  'Andrei',
  'Ana',
  'Vasile',
  'Natalia',
  'Sergiu',
  'Olga',
  'Dumitru',
  'Ирина',
  'Алексей',
  'Светлана',
  'Дмитрий',
  'Ștefan',
  'Ioana',
  'Mihai',
  'Tatiana',
  'Victor',
  'Cristina',
];
const LAST = [
  'Popescu',
  'Rusu',
  'Ceban',
  'Munteanu',
  'Lungu',
  'Ciobanu',
  'Țurcan',
  'Cojocaru',
  'Иванов',
  'Смирнова',
  'Морару',
  'Rotari',
  'Guțu',
  'Bălan',
  'Sîrbu',
  'Croitoru',
  'Melnic',
  'Горбунов',
  'Roșca',
  'Vieru',
];

export interface SeededMember {
  id: string;
  cardNumber: string;
  phone: string;
  name: string;
}

/** Points each bench ledger line adds, so ledger sums equal balances as in a real shop. */
const POINTS_PER_LINE = 10;

/**
 * `count` members with names drawn from common Moldovan first and last
 * names (so a name search matches many, as in a real shop), a phone each,
 * and `ledgerPerMember` ledger lines and a purchase for every tenth line.
 * Written in raw SQL, as Prisma's `createMany` manages about a thousand
 * rows a second here: members a thousand at a time as one JSON parameter,
 * and their millions of ledger lines and purchases made by the database
 * itself (`INSERT … SELECT` over the members and a series), in the order of
 * the indexes they land in, so five million lines take a minute or two.
 */
export async function seedDirectory(db: Database, count: number, ledgerPerMember: number): Promise<SeededMember[]> {
  const seeded: SeededMember[] = [];
  const sql = db.provider === 'sqlite' ? sqliteSeed : postgresSeed;
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => memberRow(start + i));
    await db.prisma.$executeRawUnsafe(sql.members(ledgerPerMember), JSON.stringify(rows.map(memberColumns)));
    seeded.push(...rows);
  }
  await db.prisma.$executeRawUnsafe(sql.ledger(ledgerPerMember));
  await db.prisma.$executeRawUnsafe(sql.purchases(Math.max(1, Math.floor(ledgerPerMember / 10))));
  return seeded;
}

function memberRow(index: number): SeededMember {
  const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
  return { id: randomUUID(), cardNumber: newCardNumber(), name, phone: `+37369${String(index).padStart(6, '0')}` };
}

/** In the order the `members` statements read them. */
function memberColumns({ id, cardNumber, name, phone }: SeededMember) {
  return [id, cardNumber, name, searchName(name), phone, reversedPhoneDigits(phone)];
}

const MEMBER_COLUMNS = `"id", "cardNumber", "name", "searchName", "phone", "phoneDigitsReversed", "locale", "consentAt", "consentVersion", "balance", "lifetimeEarned", "ledgerSeq", "createdAt", "updatedAt"`;

/** Line `n` of every member: `n` minutes into 2026, its balance after it, one idempotency key each. */
const sqliteSeed = {
  members: (perMember: number) => `
    INSERT INTO "Member" (${MEMBER_COLUMNS})
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'),
           json_extract(value, '$[4]'), json_extract(value, '$[5]'), 'ro', '2026-01-01T00:00:00.000+00:00', 'bench',
           ${perMember * POINTS_PER_LINE}, ${perMember * POINTS_PER_LINE}, ${perMember}, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00'
    FROM json_each(?)`,
  ledger: (perMember: number) => `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${perMember})
    INSERT INTO "LedgerEntry" ("id", "memberId", "kind", "seq", "delta", "balanceAfter", "remaining", "idempotencyKey", "createdAt")
    SELECT m."id" || ':' || printf('%06d', n.i), m."id", 'purchase', n.i, ${POINTS_PER_LINE}, n.i * ${POINTS_PER_LINE}, ${POINTS_PER_LINE},
           'bench:' || m."id" || ':' || printf('%06d', n.i),
           strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-01-01', '+' || n.i || ' minutes')
    FROM "Member" m, n ORDER BY m."id", n.i`,
  purchases: (perMember: number) => `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${perMember})
    INSERT INTO "Purchase" ("id", "memberId", "receiptId", "requestHash", "amount", "redeemedPoints", "redeemedAmount", "paidAmount", "discountPercent", "earnedPoints", "source", "createdAt")
    SELECT m."id" || ':' || printf('%06d', n.i), m."id", 'bench:' || m."id" || ':' || printf('%06d', n.i), 'bench', 10000, 0, 0, 10000, 0, 0, 'api',
           strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-01-01', '+' || n.i || ' hours')
    FROM "Member" m, n ORDER BY m."id", n.i`,
};

const postgresSeed = {
  members: (perMember: number) => `
    INSERT INTO "Member" (${MEMBER_COLUMNS})
    SELECT v->>0, v->>1, v->>2, v->>3, v->>4, v->>5, 'ro', TIMESTAMP '2026-01-01', 'bench',
           ${perMember * POINTS_PER_LINE}, ${perMember * POINTS_PER_LINE}, ${perMember}, TIMESTAMP '2026-01-01', TIMESTAMP '2026-01-01'
    FROM jsonb_array_elements($1::jsonb) AS rows(v)`,
  ledger: (perMember: number) => `
    INSERT INTO "LedgerEntry" ("id", "memberId", "kind", "seq", "delta", "balanceAfter", "remaining", "idempotencyKey", "createdAt")
    SELECT m."id" || ':' || lpad(n.i::text, 6, '0'), m."id", 'purchase', n.i, ${POINTS_PER_LINE}, n.i * ${POINTS_PER_LINE}, ${POINTS_PER_LINE},
           'bench:' || m."id" || ':' || lpad(n.i::text, 6, '0'), TIMESTAMP '2026-01-01' + n.i * INTERVAL '1 minute'
    FROM "Member" m CROSS JOIN generate_series(1, ${perMember}) AS n(i) ORDER BY m."id", n.i`,
  purchases: (perMember: number) => `
    INSERT INTO "Purchase" ("id", "memberId", "receiptId", "requestHash", "amount", "redeemedPoints", "redeemedAmount", "paidAmount", "discountPercent", "earnedPoints", "source", "createdAt")
    SELECT m."id" || ':' || lpad(n.i::text, 6, '0'), m."id", 'bench:' || m."id" || ':' || lpad(n.i::text, 6, '0'), 'bench', 10000, 0, 0, 10000, 0, 0, 'api',
           TIMESTAMP '2026-01-01' + n.i * INTERVAL '1 hour'
    FROM "Member" m CROSS JOIN generate_series(1, ${perMember}) AS n(i) ORDER BY m."id", n.i`,
};
