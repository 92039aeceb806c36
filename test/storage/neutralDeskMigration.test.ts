import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { migrationsBefore } from '../support/migrationsBefore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const NEUTRAL_DESK = '20261201225918_neutral_desk';
const older = migrationsBefore();

describeEachProvider('upgrading to the neutral desk', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    older.cleanUp();
  });

  it('keeps every posted ticket’s Slack message and every waiting desk post', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: older.dirFor(provider, NEUTRAL_DESK) });
    await seedSlackEra(db);

    await migrateDatabase(db);

    const tickets = await db.prisma.ticket.findMany({ orderBy: { id: 'asc' }, select: { id: true, deskRef: true } });
    expect(tickets).toEqual([
      { id: 't-posted', deskRef: 'C0STAFF01:1700000000.000100' },
      { id: 't-waiting', deskRef: null },
    ]);
    const outbox = await db.prisma.outboxMessage.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, channel: true, status: true },
    });
    expect(outbox).toEqual([
      { id: 'o-desk', channel: 'desk', status: 'pending' },
      { id: 'o-telegram', channel: 'telegram', status: 'pending' },
    ]);
  });
});

/** Rows as the Slack-named schema wrote them: one ticket posted in Slack, one not yet, a pending desk post. */
async function seedSlackEra(db: TestDatabase): Promise<void> {
  const at = new Date('2026-11-20T10:00:00Z');
  // Raw SQL: the generated client knows columns that this older schema does not have yet.
  await db.prisma.$executeRaw`
    INSERT INTO "Member" ("id", "cardNumber", "name", "phone", "locale", "consentAt", "consentVersion", "updatedAt")
    VALUES ('m1', '100000000009', 'Ana', '+37369000001', 'ro', ${at}, 'v1', ${at})`;
  const insertTicket = (id: string, slackChannel: string | null, slackTs: string | null) => db.prisma.$executeRaw`
    INSERT INTO "Ticket" ("id", "memberId", "chatId", "channel", "address", "locale", "reason", "status", "text", "slackChannel", "slackTs", "openedAt")
    VALUES (${id}, 'm1', 'c1', 'telegram', '42', 'ro', 'button', 'open', '', ${slackChannel}, ${slackTs}, ${at})`;
  await insertTicket('t-posted', 'C0STAFF01', '1700000000.000100');
  await insertTicket('t-waiting', null, null);
  const insertOutbox = (
    id: string,
    channel: string,
    address: string,
    key: string,
    body: string,
    ticket: string | null,
  ) =>
    db.prisma.$executeRaw`
      INSERT INTO "OutboxMessage" ("id", "channel", "address", "dedupeKey", "payload", "ticketId", "nextAttemptAt", "createdAt")
      VALUES (${id}, ${channel}, ${address}, ${key}, ${body}, ${ticket}, ${at}, ${at})`;
  await insertOutbox('o-desk', 'slack', 't-waiting', 'k1', '{"kind":"ticket"}', 't-waiting');
  await insertOutbox('o-telegram', 'telegram', '42', 'k2', '{"text":"hi"}', null);
}
