// `npm run backup` taken while a till writes purchases through the REST API,
// then `npm run restore` into a fresh directory and the product started on
// it: every purchase acknowledged before the backup began is there, and every
// balance is the sum of its ledger.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../core/storage/db/openDatabase.ts';
import { startLoopbackApp, type LoopbackApp } from '../support/loopbackApp.ts';
import { runNpmScript } from './support/runNpmScript.ts';

const ADMIN_TOKEN = 'backup-test-admin-token-0123456789abcdef';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function started(prefix: string, env: Record<string, string> = {}): Promise<LoopbackApp> {
  const app = await startLoopbackApp(prefix, { ADMIN_TOKEN, ...env });
  cleanup.push(() => app.stop());
  return app;
}

function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function call(base: string, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A till writing purchases, four at a time, until told to stop; `acknowledged` grows as 201s arrive. */
function startTill(base: string, key: string, cards: string[]) {
  const acknowledged: string[] = [];
  const refused: number[] = [];
  let stop = false;
  let sent = 0;
  const lane = async () => {
    while (!stop) {
      const receiptId = `backup-${++sent}`;
      const answer = await call(base, 'POST', '/api/v1/purchases', key, {
        member: { card: cards[sent % cards.length] },
        amount: 10_000 + sent,
        receiptId,
      });
      if (answer.status === 201 || answer.status === 200) acknowledged.push(receiptId);
      else refused.push(answer.status);
    }
  };
  const lanes = Promise.all([lane(), lane(), lane(), lane()]);
  return {
    acknowledged,
    refused,
    stop: async () => {
      stop = true;
      await lanes;
    },
  };
}

async function ledgerMismatches(db: Database): Promise<string[]> {
  const members = await db.prisma.member.findMany({ select: { id: true, balance: true } });
  const sums = await db.prisma.ledgerEntry.groupBy({ by: ['memberId'], _sum: { delta: true } });
  const sumOf = new Map(sums.map((row) => [row.memberId, row._sum.delta ?? 0]));
  return members.filter((m) => (sumOf.get(m.id) ?? 0) !== m.balance).map((m) => m.id);
}

describe('backups that restore', () => {
  it('keeps every purchase acknowledged before the backup began, and balances equal to their ledgers', async () => {
    const shop = await started('backup-shop-');
    const base = shop.app.url;
    const key = (await call(base, 'POST', '/api/v1/api-keys', ADMIN_TOKEN, { name: 'Till 1' })).body.key as string;
    const cards: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const member = await call(base, 'POST', '/api/v1/members', key, {
        phone: `+3736950${String(i).padStart(4, '0')}`,
        name: 'Ana Popescu',
        locale: 'ro',
        consent: true,
      });
      if (member.status !== 201) throw new Error(JSON.stringify(member));
      cards.push(member.body.cardNumber as string);
    }
    const till = startTill(base, key, cards);
    cleanup.push(() => till.stop());
    await expect.poll(() => till.acknowledged.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(20);

    const beforeBackup = [...till.acknowledged];
    const file = join(freshDir('backup-file-'), 'loyalty-backup.db');
    const backup = await runNpmScript('backup', [file], { DATABASE_URL: `file:${join(shop.dir, 'test.db')}` });
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    // The till kept writing during the backup: the copy was taken from a live database.
    await expect.poll(() => till.acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(beforeBackup.length + 4);
    await till.stop();
    expect(till.refused).toEqual([]);

    const elsewhere = join(freshDir('backup-restored-'), 'loyalty.db');
    const restore = await runNpmScript('restore', [file], { DATABASE_URL: `file:${elsewhere}` });
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    const restored = await started('backup-restored-app-', { DATABASE_URL: `file:${elsewhere}` });

    const receipts = await restored.app.db.prisma.purchase.findMany({ select: { receiptId: true } });
    const present = new Set(receipts.map((row) => row.receiptId));
    expect(beforeBackup.filter((receiptId) => !present.has(receiptId))).toEqual([]);
    expect(await restored.app.db.prisma.member.count()).toBe(5);
    expect(await ledgerMismatches(restored.app.db)).toEqual([]);
    // The restored product takes the till's next purchase with the key it knew.
    const next = await call(restored.app.url, 'POST', '/api/v1/purchases', key, {
      member: { card: cards[0] },
      amount: 5_000,
      receiptId: 'after-restore',
    });
    expect(next.status).toBe(201);
  });

  it('refuses to restore over a database the product has open, and replaces nothing', async () => {
    const shop = await started('backup-busy-');
    const database = join(shop.dir, 'test.db');
    const file = join(freshDir('backup-busy-file-'), 'copy.db');
    expect((await runNpmScript('backup', [file], { DATABASE_URL: `file:${database}` })).code).toBe(0);

    const restore = await runNpmScript('restore', [file], { DATABASE_URL: `file:${database}` });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/is in use: stop the product/);
    expect(readdirSync(shop.dir).filter((name) => /before-restore|restoring/.test(name))).toEqual([]);
  });

  it('refuses a file that is not a backup of this product', async () => {
    const dir = freshDir('backup-foreign-');
    writeFileSync(join(dir, 'notes.db'), 'not a database at all');
    const restore = await runNpmScript('restore', [join(dir, 'notes.db')], {
      DATABASE_URL: `file:${join(dir, 'loyalty.db')}`,
    });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/is not a backup of this product/);
    expect(readdirSync(dir)).toEqual(['notes.db']);
  });

  it('keeps the database it replaces aside', async () => {
    const shop = await started('backup-aside-');
    const database = join(shop.dir, 'test.db');
    const file = join(freshDir('backup-aside-file-'), 'copy.db');
    expect((await runNpmScript('backup', [file], { DATABASE_URL: `file:${database}` })).code).toBe(0);
    await shop.app.stop();

    const restore = await runNpmScript('restore', [file], { DATABASE_URL: `file:${database}` });
    expect(restore.code).toBe(0);
    const aside = readdirSync(shop.dir).filter((name) => name.startsWith('test.db.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(restore.stdout).toContain(aside[0]);
  });

  it('on PostgreSQL, points to pg_dump in one line', async () => {
    const backup = await runNpmScript('backup', ['x.db'], { DATABASE_URL: 'postgresql://shop@localhost/loyalty' });
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim().split('\n')).toEqual([expect.stringContaining('pg_dump -Fc')]);
  });
});
