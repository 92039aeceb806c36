import type { Channel } from '../../inbound.ts';
import type { Outbound } from '../../outbound.ts';
import type { Database } from '../db/openDatabase.ts';
import { parseReplies } from '../conversation/storedReplies.ts';

/** A message delivered to an inbox that its owner fetches (the web chat page). */
export interface InboxEntry {
  id: string;
  sentAt: Date;
  message: Outbound;
}

/**
 * Messages delivered to one address, oldest first: those sent after `after`
 * (at most `limit`, so a client far behind catches up page by page), or
 * without `after` the latest `limit` ones.
 */
export async function readInbox(
  db: Database,
  channel: Channel,
  address: string,
  options: { after?: Date; limit: number },
): Promise<InboxEntry[]> {
  const { after, limit } = options;
  const rows = await db.prisma.outboxMessage.findMany({
    where: { channel, address, status: 'sent', ...(after && { sentAt: { gt: after } }) },
    orderBy: after ? [{ sentAt: 'asc' }, { id: 'asc' }] : [{ sentAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, sentAt: true, payload: true },
  });
  const ordered = after ? rows : rows.reverse();
  return ordered.flatMap((row) => {
    const message = parseReplies(row.payload)?.[0];
    return message && row.sentAt ? [{ id: row.id, sentAt: row.sentAt, message }] : [];
  });
}
