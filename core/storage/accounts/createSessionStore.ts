import type { SessionStore } from '../../accounts/accountsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { toAccount } from './toAccount.ts';

/** Seen-at is written at most this often: a page polling every few seconds should not write every time. */
const TOUCH_MS = 60_000;

/** Console sessions on Prisma, kept server-side so signing out or changing a password ends them at once. */
export function createSessionStore(db: Database): SessionStore {
  const { prisma } = db;
  return {
    create: async ({ id, accountId, csrfToken, at }) => {
      await prisma.session.create({ data: { id, accountId, csrfToken, createdAt: at, lastSeenAt: at } });
    },
    use: async (id, now, idleMs) => {
      const row = await prisma.session.findUnique({ where: { id }, include: { account: true } });
      if (!row || row.account.disabledAt) return null;
      if (now.getTime() - row.lastSeenAt.getTime() >= idleMs) {
        await prisma.session.deleteMany({ where: { id } });
        return null;
      }
      if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_MS)
        await prisma.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
      return { account: toAccount(row.account), csrfToken: row.csrfToken, lastSeenAt: now };
    },
    end: async (id) => {
      await prisma.session.deleteMany({ where: { id } });
    },
    lastActivity: async () =>
      (await prisma.session.findFirst({ orderBy: { lastSeenAt: 'desc' }, select: { lastSeenAt: true } }))?.lastSeenAt ??
      null,
  };
}
