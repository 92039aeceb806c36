import type { Outbound } from '../../core/outbound.ts';
import { renderViberReply } from './renderViberReply.ts';
import type { ViberSendDeps } from './sendViberReply.ts';

/** Viber takes at most 300 receivers in one broadcast_message call. */
export const BROADCAST_RECEIVERS = 300;
/** …and at most 500 such calls in 10 seconds: the lane paces them at this rate, which never puts 500 in any 10 s. */
export const BROADCAST_CALLS_PER_SECOND = 50;

/** What Viber answered to one broadcast. */
export interface BroadcastOutcome {
  /** The broadcast's one token: its receipts name it, each with the receiver it concerns. */
  token?: string;
  /** Receivers Viber did not send to, with its status (5 not registered, 6 not subscribed…). */
  failed: Array<{ receiver: string; status: number; statusMessage: string }>;
}

/**
 * One `broadcast_message` call: one message to at most 300 receivers. The
 * reply must render as a single Viber message (see `rendersAsOneMessage`);
 * anything else is a mistake in our code and throws. Viber's refusal of the
 * whole call throws as `send_message`'s does; receivers it could not send to
 * come back in `failed_list` while the call itself succeeds.
 */
export async function broadcastViberMessage(
  deps: ViberSendDeps,
  receivers: readonly string[],
  reply: Outbound,
): Promise<BroadcastOutcome> {
  if (receivers.length === 0 || receivers.length > BROADCAST_RECEIVERS)
    throw new RangeError(`A broadcast takes 1 to ${BROADCAST_RECEIVERS} receivers, not ${receivers.length}.`);
  const messages = await renderViberReply(reply, deps.publish);
  if (messages.length !== 1)
    throw new RangeError(`A broadcast carries one Viber message, but this reply renders as ${messages.length}.`);
  const answer = await deps.call('broadcast_message', {
    broadcast_list: receivers,
    sender: deps.sender,
    ...messages[0],
  });
  return {
    ...(answer.message_token !== undefined && { token: answer.message_token }),
    failed: failedListOf(answer.failed_list),
  };
}

function failedListOf(list: unknown): BroadcastOutcome['failed'] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: { receiver?: unknown; status?: unknown; status_message?: unknown }) =>
    typeof entry?.receiver === 'string' && typeof entry.status === 'number'
      ? [
          {
            receiver: entry.receiver,
            status: entry.status,
            statusMessage: String(entry.status_message ?? 'no status message'),
          },
        ]
      : [],
  );
}
