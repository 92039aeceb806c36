import type { MarketingConsentStore } from '../../marketing/marketingPorts.ts';
import type { Database } from '../db/openDatabase.ts';

export function createMarketingConsentStore(db: Database): MarketingConsentStore {
  return {
    optedIn: async (memberId) =>
      (await db.prisma.member.findUnique({ where: { id: memberId }, select: { marketingOptIn: true } }))
        ?.marketingOptIn ?? false,
    // The history row and the current answer in one transaction: the flag campaigns read never disagrees with the record.
    record: async (memberId, answer) => {
      await db.prisma.$transaction([
        db.prisma.marketingConsentChange.create({ data: { id: crypto.randomUUID(), memberId, ...answer } }),
        db.prisma.member.update({ where: { id: memberId }, data: { marketingOptIn: answer.optedIn } }),
      ]);
    },
  };
}
