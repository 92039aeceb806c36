import { campaignCategories, categoryMuteTopic } from '../../campaigns/campaignCategories.ts';
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
    mutedCategories: async (memberId) => {
      const rows = await db.prisma.notificationMute.findMany({
        where: { memberId, topic: { in: campaignCategories.map(categoryMuteTopic) } },
        select: { topic: true },
      });
      const muted = new Set(rows.map((row) => row.topic));
      return campaignCategories.filter((category) => muted.has(categoryMuteTopic(category)));
    },
    setCategoryMuted: async (memberId, category, muted) => {
      const topic = categoryMuteTopic(category);
      if (!muted) await db.prisma.notificationMute.deleteMany({ where: { memberId, topic } });
      else
        await db.prisma.notificationMute.upsert({
          where: { memberId_topic: { memberId, topic } },
          create: { memberId, topic },
          update: {},
        });
    },
  };
}
