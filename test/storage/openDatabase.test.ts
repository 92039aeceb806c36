import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../core/storage/db/migrateDatabase.ts';
import { openDatabase } from '../../core/storage/db/openDatabase.ts';

let root: string;
const modeOf = (path: string) => statSync(path).mode & 0o777;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'open-database-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the SQLite database on disk', () => {
  it('creates its directory readable only by its owner (0700) and its file, journals included, as 0600', async () => {
    const dir = join(root, 'data');
    const db = openDatabase(`file:${join(dir, 'loyalty.db')}`);
    try {
      await migrateDatabase(db, { log: () => {} });
      await db.prisma.setting.create({ data: { key: 'probe', value: 'x' } });
      expect(modeOf(dir)).toBe(0o700);
      const files = readdirSync(dir);
      expect(files).toContain('loyalty.db');
      expect(files.map((file) => [file, modeOf(join(dir, file))])).toEqual(files.map((file) => [file, 0o600]));
    } finally {
      await db.close();
    }
  });

  it('leaves a directory that already exists as its owner made it', async () => {
    const dir = join(root, 'shared');
    mkdirSync(dir, { mode: 0o750 });
    const db = openDatabase(`file:${join(dir, 'loyalty.db')}`);
    try {
      await migrateDatabase(db, { log: () => {} });
      expect(modeOf(dir)).toBe(0o750);
      expect(modeOf(join(dir, 'loyalty.db'))).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});
