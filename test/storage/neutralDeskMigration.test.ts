import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { migrationsDirOf } from '../../scripts/schemaEngine.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';

const NEUTRAL_DESK = '20261201225918_neutral_desk';

/** The committed migrations as a deployment had them before the desk was made neutral. */
function migrationsBeforeNeutralDesk(provider: 'sqlite' | 'postgresql'): string {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-before-desk-'));
  cpSync(migrationsDirOf(provider), dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name >= NEUTRAL_DESK) rmSync(join(dir, name), { recursive: true });
  folders.push(dir);
  return dir;
}
const folders: string[] = [];

describeEachProvider('upgrading to the neutral desk', (provider) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
    folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('keeps every posted ticket’s Slack message and every waiting desk post', async () => {
    db = await createTestDatabase(provider, { migrate: false });
    await migrateDatabase(db, { migrationsDir: migrationsBeforeNeutralDesk(provider) });
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
  await db.prisma.member.create({
    data: {
      id: 'm1',
      cardNumber: '100000000009',
      name: 'Ana',
      phone: '+37369000001',
      locale: 'ro',
      consentAt: at,
      consentVersion: 'v1',
    },
  });
  const insertTicket = (id: string, slackChannel: string | null, slackTs: string | null) => db.prisma.$executeRaw`
    INSERT INTO "Ticket" ("id", "memberId", "chatId", "channel", "address", "locale", "reason", "status", "text", "slackChannel", "slackTs", "openedAt")
    VALUES (${id}, 'm1', 'c1', 'telegram', '42', 'ro', 'button', 'open', '', ${slackChannel}, ${slackTs}, ${at})`;
  await insertTicket('t-posted', 'C0STAFF01', '1700000000.000100');
  await insertTicket('t-waiting', null, null);
  await db.prisma.outboxMessage.create({
    data: {
      id: 'o-desk',
      channel: 'slack',
      address: 't-waiting',
      dedupeKey: 'k1',
      payload: '{"kind":"ticket"}',
      ticketId: 't-waiting',
    },
  });
  await db.prisma.outboxMessage.create({
    data: { id: 'o-telegram', channel: 'telegram', address: '42', dedupeKey: 'k2', payload: '{"text":"hi"}' },
  });
}
