import { randomUUID } from 'node:crypto';
import { newCardNumber } from '../core/members/cardNumber.ts';
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

/**
 * `count` members with names drawn from common Moldovan first and last
 * names (so a name search matches many, as in a real shop), a phone each,
 * and `ledgerPerMember` ledger lines and a purchase for every tenth line.
 */
export async function seedDirectory(db: Database, count: number, ledgerPerMember: number): Promise<SeededMember[]> {
  const seeded: SeededMember[] = [];
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => memberRow(start + i));
    await db.prisma.member.createMany({ data: rows });
    await db.prisma.ledgerEntry.createMany({ data: rows.flatMap((row) => ledgerRows(row.id, ledgerPerMember)) });
    await db.prisma.purchase.createMany({ data: rows.flatMap((row) => purchaseRows(row.id, ledgerPerMember / 10)) });
    seeded.push(...rows.map(({ id, cardNumber, phone, name }) => ({ id, cardNumber, phone, name })));
  }
  return seeded;
}

function memberRow(index: number) {
  const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
  return {
    id: randomUUID(),
    cardNumber: newCardNumber(),
    name,
    searchName: searchName(name),
    phone: `+37369${String(index).padStart(6, '0')}`,
    locale: 'ro',
    consentAt: new Date(),
    consentVersion: 'bench',
    balance: 0,
    ledgerSeq: 0,
  };
}

function ledgerRows(memberId: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    memberId,
    seq: i + 1,
    kind: 'bench',
    delta: 0,
    balanceAfter: 0,
    idempotencyKey: `bench:${memberId}:${i}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }));
}

function purchaseRows(memberId: string, count: number) {
  return Array.from({ length: Math.max(1, Math.floor(count)) }, (_, i) => ({
    id: randomUUID(),
    memberId,
    receiptId: `${memberId}:${i}`,
    requestHash: 'bench',
    amount: 10_000,
    redeemedPoints: 0,
    redeemedAmount: 0,
    paidAmount: 10_000,
    discountPercent: 0,
    earnedPoints: 0,
    source: 'api',
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
  }));
}
