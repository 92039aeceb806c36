// Small builders for outbox tests: members and their chats written straight
// to the table, and drafts with readable texts.
import type { Channel } from '../../../core/inbound.ts';
import type { Database } from '../../../core/storage/db/openDatabase.ts';
import type { OutboxDraft } from '../../../core/storage/outbox/enqueue.ts';

let sequence = 0;
const consent = { consentAt: new Date('2026-01-01T00:00:00Z'), consentVersion: 'test-consent' };

export async function aMember(db: Database): Promise<string> {
  sequence += 1;
  const id = crypto.randomUUID();
  await db.prisma.member.create({
    data: {
      id,
      cardNumber: String(200000000000 + sequence),
      name: 'Anna',
      phone: `+3736800${String(sequence).padStart(4, '0')}`,
      locale: 'en',
      ...consent,
    },
  });
  return id;
}

export interface ChatDraft {
  memberId?: string | null;
  channel: Channel;
  address?: string;
  updatedAt?: Date;
  unreachableAt?: Date | null;
}

export async function aChat(db: Database, chat: ChatDraft): Promise<{ channel: Channel; address: string }> {
  const address = chat.address ?? String(100_000 + ++sequence);
  await db.prisma.chat.create({
    data: {
      id: crypto.randomUUID(),
      channel: chat.channel,
      address,
      locale: 'en',
      state: '{}',
      memberId: chat.memberId ?? null,
      unreachableAt: chat.unreachableAt ?? null,
      ...(chat.updatedAt && { updatedAt: chat.updatedAt }),
      ...consent,
    },
  });
  return { channel: chat.channel, address };
}

/** A message to one Telegram chat whose text names it, so the fake's records tell messages apart. */
export function telegramDraft(chatId: number | string, text: string, extra: Partial<OutboxDraft> = {}): OutboxDraft {
  return {
    memberId: null,
    channel: 'telegram',
    address: String(chatId),
    dedupeKey: `test:${text}`,
    message: { text },
    ...extra,
  };
}

export async function statusCounts(db: Database): Promise<Record<string, number>> {
  const groups = await db.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
