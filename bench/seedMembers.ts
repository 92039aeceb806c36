import { randomUUID } from 'node:crypto';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { asMember } from '../core/conversation/chatState.ts';

/** Registers `count` members with a Telegram chat and a welcome bonus each, in bulk. */
export async function seedMembers(db: Database, count: number, firstUserId: number): Promise<number[]> {
  const userIds: number[] = [];
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
      rowsFor(start + i, firstUserId + start + i),
    );
    await db.prisma.member.createMany({ data: rows.map((r) => r.member) });
    await db.prisma.chat.createMany({ data: rows.map((r) => r.chat) });
    await db.prisma.ledgerEntry.createMany({ data: rows.map((r) => r.entry) });
    userIds.push(...rows.map((r) => Number(r.chat.address)));
  }
  return userIds;
}

function rowsFor(index: number, userId: number) {
  const id = randomUUID();
  const now = new Date();
  const member = {
    id,
    cardNumber: String(100_000_000_000 + index),
    name: `Member ${index}`,
    phone: `+3736${String(index).padStart(7, '0')}`,
    locale: 'ru',
    consentAt: now,
    consentVersion: 'bench',
    balance: 100,
    ledgerSeq: 1,
  };
  const chat = {
    id: randomUUID(),
    channel: 'telegram',
    address: String(userId),
    locale: 'ru',
    state: JSON.stringify(asMember),
    memberId: id,
    consentAt: now,
    consentVersion: 'bench',
  };
  const entry = {
    id: randomUUID(),
    memberId: id,
    seq: 1,
    kind: 'welcome',
    delta: 100,
    balanceAfter: 100,
    remaining: 100,
    idempotencyKey: `welcome:${id}`,
    expiresAt: new Date(now.getTime() + 20 * 86_400_000),
  };
  return { member, chat, entry };
}
