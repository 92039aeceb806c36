import type { Channel } from '../../inbound.ts';
import type { InboundLog } from '../../conversation/conversationPorts.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { parseReplies, serializeReplies } from './storedReplies.ts';

/** The core's `InboundLog` on Prisma: one row per handled update, keyed by channel and update id. */
export function createInboundLog(db: Database): InboundLog {
  const prisma = db.prisma;
  return {
    claimUpdate: (channel, updateId) => claimUpdate(prisma, channel, updateId),
    releaseUpdate: async (channel, updateId) => {
      await prisma.processedUpdate.deleteMany({ where: { channel, updateId } });
    },
    rememberReplies: async (channel, updateId, replies) => {
      await prisma.processedUpdate.updateMany({
        where: { channel, updateId },
        data: { replies: serializeReplies(replies) },
      });
    },
    recallReplies: async (channel, updateId) => {
      const row = await prisma.processedUpdate.findUnique({
        where: { channel_updateId: { channel, updateId } },
        select: { replies: true },
      });
      return row?.replies ? parseReplies(row.replies) : null;
    },
  };
}

async function claimUpdate(prisma: Prisma, channel: Channel, updateId: string): Promise<boolean> {
  try {
    await prisma.processedUpdate.create({ data: { channel, updateId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
