import type { CampaignStatus } from '../../campaigns/campaign.ts';
import type { CampaignStore } from '../../campaigns/campaignsPorts.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { contentColumns, toCampaign } from './campaignRow.ts';

/** While a campaign is being written (a draft) or waits for its time, it may still change. */
const EDITABLE: CampaignStatus[] = ['draft', 'scheduled'];

export function createCampaignStore(db: Database): CampaignStore {
  const { prisma } = db;
  return {
    create: async (content, holdoutSeed, now) =>
      toCampaign(
        await prisma.campaign.create({
          data: { id: crypto.randomUUID(), ...contentColumns(content), holdoutSeed, createdAt: now, updatedAt: now },
        }),
      ),
    list: async () =>
      (await prisma.campaign.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })).map(toCampaign),
    find: async (id) => {
      const row = await prisma.campaign.findUnique({ where: { id } });
      return row ? toCampaign(row) : null;
    },
    update: async (id, content, now) => {
      const { count } = await prisma.campaign.updateMany({
        where: { id, status: { in: EDITABLE } },
        data: { ...contentColumns(content), updatedAt: now },
      });
      const row = await prisma.campaign.findUnique({ where: { id } });
      if (!row) return 'not-found';
      return count === 1 ? toCampaign(row) : 'not-editable';
    },
    remove: async (id) => {
      const { count } = await prisma.campaign.deleteMany({ where: { id, status: 'draft' } });
      if (count === 1) return 'removed';
      return (await prisma.campaign.count({ where: { id } })) === 0 ? 'not-found' : 'not-editable';
    },
    transition: (id, from, to, at, notBefore) =>
      prisma.$transaction(async (tx) => {
        // The campaign's row first: a fan-out batch takes it too, so the two never interleave.
        const { count } = await tx.campaign.updateMany({
          where: { id, status: { in: [...from] } },
          data: { status: to, updatedAt: at, ...((to === 'cancelled' || to === 'done') && { endedAt: at }) },
        });
        if (count === 0) return false;
        if (to === 'sending') await tx.campaign.updateMany({ where: { id, startedAt: null }, data: { startedAt: at } });
        await moveWaitingMessages(tx, id, to, notBefore ?? at);
        return true;
      }, MOVE_OPTIONS),
    automations: async () =>
      (await prisma.campaign.findMany({ where: { trigger: { not: null } }, orderBy: { trigger: 'asc' } })).map(
        toCampaign,
      ),
    saveAutomation: (kind, content, enabled, triggerDays, holdoutSeed, now) =>
      prisma.$transaction(async (tx) => {
        const before = await tx.campaign.findUnique({ where: { trigger: kind } });
        const status = enabled ? 'sending' : 'paused';
        const columns = { ...contentColumns(content), trigger: kind, triggerDays, updatedAt: now };
        if (!before) {
          const row = await tx.campaign.create({
            data: { id: crypto.randomUUID(), ...columns, status, holdoutSeed, startedAt: now, createdAt: now },
          });
          return toCampaign(row);
        }
        await tx.campaign.update({ where: { id: before.id }, data: columns });
        // Switching it on or off moves its waiting messages as a resume or a pause does.
        if (before.status !== status) {
          await tx.campaign.update({ where: { id: before.id }, data: { status } });
          await moveWaitingMessages(tx, before.id, status, now);
        }
        return toCampaign(await tx.campaign.findUniqueOrThrow({ where: { id: before.id } }));
      }),
    due: async (now) =>
      (
        await prisma.campaign.findMany({
          where: { status: 'scheduled', sendAt: { lte: now } },
          select: { id: true },
          orderBy: { sendAt: 'asc' },
        })
      ).map((row) => row.id),
    sending: async () =>
      (
        await prisma.campaign.findMany({
          where: { status: 'sending' },
          select: { id: true },
          orderBy: { startedAt: 'asc' },
        })
      ).map((row) => row.id),
    recordPress: async (campaignId, memberId, at) => {
      await prisma.campaignRecipient.updateMany({
        where: { campaignId, memberId, pressedAt: null },
        data: { pressedAt: at },
      });
    },
  };
}

/**
 * A fan-out queues 100,000 messages within seconds now, and pausing or cancelling moves every one still waiting in
 * this one transaction: on a busy PostgreSQL that outlasts Prisma's default of 5 s, which would answer the
 * marketer's cancel with an error and change nothing.
 */
const MOVE_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

/**
 * A campaign's messages not yet handed to a platform follow it: held while
 * it is paused (the dispatcher claims only `pending`), freed when it resumes,
 * ended when it is cancelled, along with the members not decided yet.
 */
async function moveWaitingMessages(tx: Tx, campaignId: string, to: CampaignStatus, notBefore: Date): Promise<void> {
  const outbox = tx.outboxMessage;
  if (to === 'paused')
    await outbox.updateMany({ where: { campaignId, status: 'pending' }, data: { status: 'paused' } });
  if (to === 'sending') {
    await outbox.updateMany({
      where: { campaignId, status: 'paused', nextAttemptAt: { lt: notBefore } },
      data: { status: 'pending', nextAttemptAt: notBefore },
    });
    await outbox.updateMany({ where: { campaignId, status: 'paused' }, data: { status: 'pending' } });
  }
  if (to === 'cancelled') {
    await outbox.updateMany({
      where: { campaignId, status: { in: ['pending', 'paused'] } },
      data: { status: 'cancelled' },
    });
    await tx.campaignRecipient.updateMany({
      where: { campaignId, outcome: 'pending' },
      data: { outcome: 'cancelled' },
    });
  }
}
