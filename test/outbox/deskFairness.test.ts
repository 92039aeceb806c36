// The staff desk's lane is fair across tickets: one ticket that floods the
// desk cannot hold back another ticket's post behind its whole backlog. The
// order of sends is what the test asserts, never the time they took. On SQLite
// and on a real PostgreSQL server (whose claim skips locked rows).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DeskPost } from '../../core/desk/deskPost.ts';
import { silentLogger } from '../../core/logger.ts';
import { createDispatcher } from '../../core/outbox/dispatcher.ts';
import { DESK_LANE } from '../../core/outbox/outboxPorts.ts';
import { delivered, type Sender } from '../../core/outbox/sender.ts';
import { createDeskStore } from '../../core/storage/desk/createDeskStore.ts';
import { createOutboxStore } from '../../core/storage/outbox/createOutboxStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import { aCustomer, anOpenTicket, opened } from '../storage/support/ticketFixtures.ts';
import { testSettings } from './support/dispatcherHarness.ts';

describeEachProvider('the desk lane', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  const postAt = (ticketId: string, text: string, seconds: number) =>
    db.prisma.$transaction((tx) =>
      tx.outboxMessage.create({
        data: {
          id: crypto.randomUUID(),
          channel: DESK_LANE,
          address: ticketId,
          ticketId,
          dedupeKey: `${ticketId}:${text}`,
          payload: JSON.stringify({ kind: 'thread', text } satisfies DeskPost),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: new Date(opened.getTime() + seconds * 1000),
          createdAt: new Date(opened.getTime() + seconds * 1000),
        },
      }),
    );

  it("sends a quiet ticket's post within a few sends of a ticket that flooded the desk before it", async () => {
    const store = createDeskStore(db);
    const flooding = await anOpenTicket(db, store, await aCustomer(db));
    const quiet = await anOpenTicket(db, store, await aCustomer(db));
    for (let n = 0; n < 40; n += 1) await postAt(flooding.id, `flood ${n}`, n / 10);
    await postAt(quiet.id, 'quiet', 5);
    const sent: string[] = [];
    const sender: Sender<DeskPost> = async (_ticket, post) => {
      sent.push(post.kind === 'thread' ? post.text : post.kind);
      return delivered;
    };
    const dispatcher = createDispatcher({
      store: createOutboxStore(db),
      senders: { [DESK_LANE]: sender },
      // A few posts held at a time, as at Slack's pace; fast enough for a test.
      limits: { [DESK_LANE]: { perSecond: 50, perAddressIntervalMs: 0 } },
      settings: { ...testSettings, horizonMs: 100 },
      clock: () => new Date(opened.getTime() + 60_000),
      log: silentLogger,
    });
    await dispatcher.drainOnce();
    expect(sent).toHaveLength(41);
    expect(sent.indexOf('quiet')).toBeLessThan(3);
    // The flooding ticket's own posts still go in the order they were written.
    expect(sent.filter((text) => text !== 'quiet')).toEqual(Array.from({ length: 40 }, (_, n) => `flood ${n}`));
  });
});
