// The outbox table: written with its cause, de-duplicated by key, sent to the
// member's best chat, and claimed by one instance at a time. On SQLite and on
// a real PostgreSQL server.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../core/storage/db/openDatabase.ts';
import { claimDue, enqueue, enqueueInTransaction } from '../../core/storage/outbox/enqueue.ts';
import { markReachable } from '../../core/storage/outbox/reachability.ts';
import { createOutboxStore } from '../../core/storage/outbox/createOutboxStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { aChat, aMember, telegramDraft } from './support/outboxFixtures.ts';
import type { Outbound } from '../../core/outbound.ts';
import type { ClaimedMessage } from '../../core/outbox/outboxPorts.ts';

const LEASE_MS = 60_000;
const claimTelegram = (db: TestDatabase, limit: number, now = new Date()) =>
  claimDue(db, { channel: 'telegram', limit, now, leaseMs: LEASE_MS });

describeEachProvider('the outbox table', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  const rows = () => db.prisma.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });

  it('leaves nothing behind when the transaction that wrote the message rolls back', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram' });
    const failure = db.prisma.$transaction(async (tx) => {
      await enqueueInTransaction(tx, { memberId, dedupeKey: 'purchase:1', message: { text: 'You earned 50 points' } });
      throw new Error('the purchase failed');
    });
    await expect(failure).rejects.toThrow('the purchase failed');
    expect(await rows()).toEqual([]);
  });

  it('writes a message of a kind the member switched off as muted, which is never claimed for sending', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram' });
    await db.prisma.notificationMute.create({ data: { memberId, topic: 'birthday' } });
    await enqueue(db, { memberId, dedupeKey: 'birthday:1', message: { text: 'Happy birthday' }, topic: 'birthday' });
    await enqueue(db, {
      memberId,
      dedupeKey: 'purchase:1',
      message: { text: 'You earned 50 points' },
      topic: 'purchases',
    });
    const written = await rows();
    expect(written.map((row) => [row.dedupeKey, row.status])).toEqual([
      ['birthday:1', 'muted'],
      ['purchase:1', 'pending'],
    ]);
    expect((await claimTelegram(db, 10)).map((row) => row.id)).toEqual([written[1]!.id]);
  });

  it('keeps the message when its transaction commits, with the message readable back', async () => {
    const memberId = await aMember(db);
    const chat = await aChat(db, { memberId, channel: 'telegram' });
    const message = { text: 'You earned 50 points', buttons: [[{ label: 'Balance', payload: 'menu:balance' }]] };
    expect(await enqueue(db, { memberId, dedupeKey: 'purchase:1', message })).toBe('queued');
    const [claimed] = await claimTelegram(db, 10);
    expect(claimed).toMatchObject({ ...chat, memberId, message, attempts: 1 });
  });

  it('ignores a second message with the same dedupe key without spoiling the transaction it is in', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram' });
    const outcomes = await db.prisma.$transaction(async (tx) => {
      const first = await enqueueInTransaction(tx, { memberId, dedupeKey: 'purchase:1', message: { text: 'first' } });
      const second = await enqueueInTransaction(tx, { memberId, dedupeKey: 'purchase:1', message: { text: 'second' } });
      // On PostgreSQL a failed insert would abort the transaction and make this write fail.
      await tx.member.update({ where: { id: memberId }, data: { balance: { increment: 50 } } });
      return [first, second];
    });
    expect(outcomes).toEqual(['queued', 'duplicate']);
    expect((await rows()).map((row) => JSON.parse(row.payload)[0].text)).toEqual(['first']);
    expect(await enqueue(db, { memberId, dedupeKey: 'purchase:1', message: { text: 'third' } })).toBe('duplicate');
  });

  it('sends to the member on Telegram before Viber and the web chat, even when the web chat was used later', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'web', updatedAt: new Date('2026-03-02T00:00:00Z') });
    await aChat(db, { memberId, channel: 'viber', updatedAt: new Date('2026-03-02T00:00:00Z') });
    const telegram = await aChat(db, { memberId, channel: 'telegram', updatedAt: new Date('2026-03-01T00:00:00Z') });
    await enqueue(db, { memberId, dedupeKey: 'k', message: { text: 'hi' } });
    expect(await rows()).toMatchObject([telegram]);
  });

  it('picks the chat used most recently among several on the same channel', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram', updatedAt: new Date('2026-03-01T00:00:00Z') });
    const recent = await aChat(db, { memberId, channel: 'telegram', updatedAt: new Date('2026-03-05T00:00:00Z') });
    await enqueue(db, { memberId, dedupeKey: 'k', message: { text: 'hi' } });
    expect(await rows()).toMatchObject([recent]);
  });

  it('passes over a chat that blocked us and falls back to the next channel', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram', unreachableAt: new Date('2026-03-01T00:00:00Z') });
    const web = await aChat(db, { memberId, channel: 'web' });
    await enqueue(db, { memberId, dedupeKey: 'k', message: { text: 'hi' } });
    expect(await rows()).toMatchObject([web]);
  });

  it('writes nothing for a member with no chat we may write to', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram', unreachableAt: new Date('2026-03-01T00:00:00Z') });
    expect(await enqueue(db, { memberId, dedupeKey: 'k', message: { text: 'hi' } })).toBe('no-reachable-chat');
    expect(await rows()).toEqual([]);
  });

  it('writes nothing either for a caller that does not ask why, and says so without telling it', async () => {
    const memberId = await aMember(db);
    const notQueued = () =>
      db.prisma.$transaction((tx) =>
        enqueueInTransaction(tx, { memberId, dedupeKey: 'k', message: { text: 'hi' } }, { tellWhyNot: false }),
      );
    expect(await notQueued()).toBe('not-queued');
    await aChat(db, { memberId, channel: 'telegram' });
    expect(await notQueued()).toBe('queued');
    expect(await notQueued()).toBe('not-queued');
    expect(await rows()).toHaveLength(1);
  });

  it('keeps to the channel asked for', async () => {
    const memberId = await aMember(db);
    await aChat(db, { memberId, channel: 'telegram' });
    const web = await aChat(db, { memberId, channel: 'web' });
    await enqueue(db, { memberId, channel: 'web', dedupeKey: 'k', message: { text: 'hi' } });
    expect(await rows()).toMatchObject([web]);
  });

  it('claims the oldest first, and messages written in one instant in the order they were written', async () => {
    const at = new Date(Date.now() - 1000);
    await db.prisma.$transaction(async (tx) => {
      for (const text of ['confirmation', 'tier change', 'stamp card'])
        await enqueueInTransaction(tx, telegramDraft(1, text, { at }));
    });
    await enqueue(db, telegramDraft(1, 'older', { at: new Date(at.getTime() - 1000) }));
    const claimed = await claimTelegram(db, 10);
    expect(claimed.map((message) => (message.message as Outbound | null)?.text)).toEqual([
      'older',
      'confirmation',
      'tier change',
      'stamp card',
    ]);
  });

  it('claims the message due longest ago first, not the one written first', async () => {
    const written = new Date(Date.now() - 60_000);
    await enqueue(db, telegramDraft(1, 'held', { at: written, notBefore: new Date(written.getTime() + 50_000) }));
    await enqueue(db, telegramDraft(2, 'due long ago', { at: new Date(written.getTime() + 1000) }));
    const text = (claimed: ClaimedMessage[]) => claimed.map((message) => (message.message as Outbound | null)?.text);
    expect(text(await claimTelegram(db, 1))).toEqual(['due long ago']);
    expect(text(await claimTelegram(db, 1))).toEqual(['held']);
  });

  it('does not claim a message before its time, nor one another instance holds', async () => {
    await enqueue(db, telegramDraft(1, 'later', { notBefore: new Date(Date.now() + 20_000) }));
    await enqueue(db, telegramDraft(1, 'now'));
    expect((await claimTelegram(db, 10)).map((message) => (message.message as Outbound | null)?.text)).toEqual(['now']);
    expect(await claimTelegram(db, 10)).toEqual([]);
    expect(
      (await claimTelegram(db, 10, new Date(Date.now() + 30_000))).map((m) => (m.message as Outbound | null)?.text),
    ).toEqual(['later']);
  });

  it('reclaims a message whose lease expired (its instance died mid-send), counting the attempt', async () => {
    await enqueue(db, telegramDraft(1, 'orphan', { at: new Date(Date.now() - 3 * LEASE_MS) }));
    const [dead] = await claimTelegram(db, 10, new Date(Date.now() - 2 * LEASE_MS));
    const [reclaimed] = await claimTelegram(db, 10);
    expect(reclaimed).toMatchObject({ id: dead!.id, attempts: 2 });
    const store = createOutboxStore(db);
    expect(await store.markSent(dead!, new Date())).toBe(false);
    expect(await store.markSent(reclaimed!, new Date())).toBe(true);
    expect(await rows()).toMatchObject([{ status: 'sent', lockedUntil: null }]);
  });

  it('gives two concurrent claimers disjoint shares of 200 messages that together are all of them', async () => {
    for (let i = 0; i < 200; i += 1) await enqueue(db, telegramDraft(i % 20, `message ${i}`));
    const other = openDatabase(db.url);
    try {
      // Opening a connection can take longer than claiming all 200 on a busy machine: open both before they race.
      await Promise.all([db.prisma.$queryRawUnsafe('SELECT 1'), other.prisma.$queryRawUnsafe('SELECT 1')]);
      const claimUntilEmpty = async (claimer: typeof db) => {
        const ids: string[] = [];
        for (;;) {
          const claimed = await claimDue(claimer, {
            channel: 'telegram',
            limit: 7,
            now: new Date(),
            leaseMs: LEASE_MS,
          });
          if (claimed.length === 0) return ids;
          ids.push(...claimed.map((message) => message.id));
        }
      };
      const [first, second] = await Promise.all([claimUntilEmpty(db), claimUntilEmpty(other as TestDatabase)]);
      expect(first.filter((id) => second.includes(id))).toEqual([]);
      expect(new Set([...first, ...second]).size).toBe(200);
      expect(first.length + second.length).toBe(200);
      if (provider === 'postgresql') expect(Math.min(first.length, second.length)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('gives back unsent claims as if never attempted', async () => {
    await enqueue(db, telegramDraft(1, 'a'));
    const claimed = await claimTelegram(db, 10);
    const later = new Date(Date.now() + 5_000);
    await createOutboxStore(db).release(claimed, later);
    expect(await rows()).toMatchObject([{ status: 'pending', attempts: 0, lockedUntil: null, nextAttemptAt: later }]);
  });

  it('marks the chat unreachable with the failed message, and reachable again when the person writes', async () => {
    const memberId = await aMember(db);
    const chat = await aChat(db, { memberId, channel: 'telegram' });
    await enqueue(db, { memberId, dedupeKey: 'k', message: { text: 'hi' } });
    const [claimed] = await claimTelegram(db, 10);
    const at = new Date();
    expect(
      await createOutboxStore(db).markUnreachable(claimed!, at, '403: Forbidden: bot was blocked by the user'),
    ).toBe(true);
    expect(await rows()).toMatchObject([
      { status: 'failed', lastError: '403: Forbidden: bot was blocked by the user' },
    ]);
    expect(await db.prisma.chat.findFirst({ where: chat })).toMatchObject({ unreachableAt: at });
    expect(await enqueue(db, { memberId, dedupeKey: 'k2', message: { text: 'again' } })).toBe('no-reachable-chat');

    expect(await markReachable(db, chat.channel, chat.address)).toBe(true);
    expect(await markReachable(db, chat.channel, chat.address)).toBe(false);
    expect(await enqueue(db, { memberId, dedupeKey: 'k2', message: { text: 'again' } })).toBe('queued');
  });
});
