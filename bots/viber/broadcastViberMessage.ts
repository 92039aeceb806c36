import type { Outbound } from '../../core/outbound.ts';
import { renderViberReply } from './renderViberReply.ts';
import type { ViberSendDeps } from './sendViberReply.ts';

/** Viber takes at most 300 receivers in one broadcast_message call. */
export const BROADCAST_RECEIVERS = 300;
/** …and at most 500 such calls in 10 seconds: a campaign lane paces its batches at this rate. */
export const BROADCAST_CALLS_PER_SECOND = 50;

export interface BroadcastOutcome {
  /** Receivers Viber refused, with its status (5 not registered, 6 not subscribed…). */
  failed: Array<{ receiver: string; status: number }>;
}

/**
 * One message to many people (campaigns, a later issue), in batches of at
 * most 300 receivers per call. A batch is the unit the campaign lane claims,
 * paces (BROADCAST_CALLS_PER_SECOND) and retries; Viber's `failed_list` names
 * the receivers to mark unreachable.
 */
export async function broadcastViberMessage(
  deps: ViberSendDeps,
  receivers: readonly string[],
  reply: Outbound,
): Promise<BroadcastOutcome> {
  const [message] = await renderViberReply(reply, deps.publish);
  if (!message) return { failed: [] };
  const failed: BroadcastOutcome['failed'] = [];
  for (const batch of batchesOf(receivers, BROADCAST_RECEIVERS)) {
    const answer = await deps.call('broadcast_message', { broadcast_list: batch, sender: deps.sender, ...message });
    for (const entry of (answer.failed_list as Array<{ receiver?: unknown; status?: unknown }> | undefined) ?? [])
      if (typeof entry.receiver === 'string' && typeof entry.status === 'number')
        failed.push({ receiver: entry.receiver, status: entry.status });
  }
  return { failed };
}

export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
