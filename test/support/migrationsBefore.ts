import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDirOf } from '../../scripts/schemaEngine.ts';

/**
 * The committed migrations as a deployment had them before `migration`, for
 * tests of an upgrade: rows are written on the older schema, then the rest
 * is applied. `cleanUp` removes every folder made.
 */
export function migrationsBefore() {
  const folders: string[] = [];
  return {
    dirFor(provider: 'sqlite' | 'postgresql', migration: string): string {
      const dir = mkdtempSync(join(tmpdir(), 'loyalty-migrations-'));
      cpSync(migrationsDirOf(provider), dir, { recursive: true });
      for (const name of readdirSync(dir)) if (name >= migration) rmSync(join(dir, name), { recursive: true });
      folders.push(dir);
      return dir;
    },
    cleanUp(): void {
      folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    },
  };
}
