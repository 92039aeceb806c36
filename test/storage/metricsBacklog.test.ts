// What the metrics scrape reads from the database, on SQLite and PostgreSQL:
// the outbox's late messages by lane, and the desk's unresolved tickets.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDeskStore } from '../../core/storage/desk/createDeskStore.ts';
import { readDeskBacklog } from '../../core/storage/metrics/readDeskBacklog.ts';
import { readOutboxBacklog } from '../../core/storage/metrics/readOutboxBacklog.ts';
import { enqueue } from '../../core/storage/outbox/enqueue.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { telegramDraft } from '../outbox/support/outboxFixtures.ts';
import { aCustomer, anOpenTicket, opened } from './support/ticketFixtures.ts';

const MINUTE_MS = 60_000;

describeEachProvider('the backlog the metrics read', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  it('counts the outbox messages due by lane, with how long the oldest has waited', async () => {
    const now = new Date('2026-12-04T10:00:00Z');
    await enqueue(db, telegramDraft(1, 'ten minutes late', { at: new Date(now.getTime() - 10 * MINUTE_MS) }));
    await enqueue(db, telegramDraft(2, 'two minutes late', { at: new Date(now.getTime() - 2 * MINUTE_MS) }));
    // A greeting waiting for a decent hour is not late, so not counted.
    await enqueue(db, telegramDraft(3, 'at nine', { at: now, notBefore: new Date(now.getTime() + 60 * MINUTE_MS) }));

    expect(await readOutboxBacklog(db, now)).toEqual([{ channel: 'telegram', depth: 2, oldestAgeSeconds: 600 }]);
  });

  it('leaves sent messages out', async () => {
    const now = new Date('2026-12-04T10:00:00Z');
    await enqueue(db, telegramDraft(1, 'sent', { at: new Date(now.getTime() - MINUTE_MS) }));
    await db.prisma.outboxMessage.updateMany({ data: { status: 'sent', sentAt: now } });
    expect(await readOutboxBacklog(db, now)).toEqual([]);
  });

  it('counts unresolved tickets by status, and how long the oldest has waited for a first answer', async () => {
    const store = createDeskStore(db);
    await anOpenTicket(db, store, await aCustomer(db));
    const answered = await anOpenTicket(db, store, await aCustomer(db), {
      openedAt: new Date(opened.getTime() - 60 * MINUTE_MS),
    });
    await db.prisma.ticket.update({
      where: { id: answered.id },
      data: { status: 'taken', firstResponseAt: opened },
    });
    const resolved = await anOpenTicket(db, store, await aCustomer(db));
    await db.prisma.ticket.update({ where: { id: resolved.id }, data: { status: 'resolved', resolvedAt: opened } });

    const backlog = await readDeskBacklog(db, new Date(opened.getTime() + 15 * MINUTE_MS));
    expect(backlog.byStatus.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'open', count: 1 },
      { status: 'taken', count: 1 },
    ]);
    // The answered ticket is older, but it has had its first answer.
    expect(backlog.oldestUnansweredSeconds).toBe(15 * 60);
  });

  it('reads an empty desk as nothing waiting', async () => {
    expect(await readDeskBacklog(db, new Date())).toEqual({ byStatus: [], oldestUnansweredSeconds: 0 });
  });
});
