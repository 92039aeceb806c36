import type { DeskActivityStore } from '../../desk/deskPresence.ts';
import type { Database } from '../db/openDatabase.ts';

const KEY = 'desk.activeAt';

/** The desk inbox's last activity as one setting row, shared by every instance on the database. */
export function createDeskActivityStore(db: Database): DeskActivityStore {
  const { prisma } = db;
  return {
    async lastActiveAt() {
      const row = await prisma.setting.findUnique({ where: { key: KEY } });
      const at = row ? new Date(row.value) : null;
      return at && !Number.isNaN(at.getTime()) ? at : null;
    },
    async markActive(at) {
      const value = at.toISOString();
      await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
    },
  };
}
