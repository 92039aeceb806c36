import type { AccountStore, NewAccount } from '../../accounts/accountsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { toAccount } from './toAccount.ts';

/** Console accounts on Prisma. Emails are kept lower-cased, so a login matches however it is typed. */
export function createAccountStore(db: Database): AccountStore {
  const { prisma } = db;
  const insert = async (account: NewAccount, extra: Record<string, unknown>) => {
    try {
      const row = await prisma.account.create({
        data: {
          id: crypto.randomUUID(),
          name: account.name,
          email: account.email.toLowerCase(),
          role: account.role,
          locale: account.locale,
          createdAt: account.at,
          ...extra,
        },
      });
      return toAccount(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  };
  return {
    count: () => prisma.account.count(),
    createOwner: async (account, passwordHash) => {
      // Serialized by the transaction: two first sign-ins at once make one owner.
      return prisma.$transaction(async (tx) => {
        if ((await tx.account.count()) > 0) return null;
        const row = await tx.account.create({
          data: {
            id: crypto.randomUUID(),
            name: account.name,
            email: account.email.toLowerCase(),
            role: 'owner',
            locale: account.locale,
            createdAt: account.at,
            passwordHash,
          },
        });
        return toAccount(row);
      });
    },
    createInvited: (account, setupHash, setupExpiresAt) => insert(account, { setupHash, setupExpiresAt }),
    renewSetup: async (accountId, setupHash, setupExpiresAt) => {
      const [[row]] = await prisma.$transaction([
        prisma.account.updateManyAndReturn({ where: { id: accountId }, data: { setupHash, setupExpiresAt } }),
        prisma.session.deleteMany({ where: { accountId } }),
      ]);
      return row ? toAccount(row) : null;
    },
    completeSetup: async (setupHash, passwordHash, at) => {
      const [row] = await prisma.account.updateManyAndReturn({
        where: { setupHash, setupExpiresAt: { gt: at }, disabledAt: null },
        data: { passwordHash, setupHash: null, setupExpiresAt: null },
      });
      if (row) await prisma.session.deleteMany({ where: { accountId: row.id } });
      return row ? toAccount(row) : null;
    },
    findForSignIn: async (email) => {
      const row = await prisma.account.findUnique({ where: { email: email.toLowerCase() } });
      if (!row || row.disabledAt) return null;
      return { account: toAccount(row), passwordHash: row.passwordHash };
    },
    list: async () => (await prisma.account.findMany({ orderBy: { createdAt: 'asc' } })).map(toAccount),
    find: async (id) => {
      const row = await prisma.account.findUnique({ where: { id } });
      return row && toAccount(row);
    },
    update: async (id, change) => {
      const [row] = await prisma.account.updateManyAndReturn({ where: { id }, data: change });
      return row ? toAccount(row) : null;
    },
    disable: async (id, at) => {
      const [[row]] = await prisma.$transaction([
        prisma.account.updateManyAndReturn({ where: { id }, data: { disabledAt: at } }),
        prisma.session.deleteMany({ where: { accountId: id } }),
      ]);
      return row ? toAccount(row) : null;
    },
    changePassword: async (id, passwordHash, keepSession) => {
      await prisma.$transaction([
        prisma.account.update({ where: { id }, data: { passwordHash } }),
        prisma.session.deleteMany({ where: { accountId: id, ...(keepSession && { id: { not: keepSession } }) } }),
      ]);
    },
    passwordHashOf: async (id) =>
      (await prisma.account.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null,
  };
}
