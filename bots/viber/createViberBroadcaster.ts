import type { BatchSending } from '../../core/outbox/batchSending.ts';
import type { Outbound } from '../../core/outbound.ts';
import type { SendResult } from '../../core/outbox/sender.ts';
import { BROADCAST_CALLS_PER_SECOND, BROADCAST_RECEIVERS, broadcastViberMessage } from './broadcastViberMessage.ts';
import { rendersAsOneMessage } from './renderViberReply.ts';
import type { ViberSendDeps } from './sendViberReply.ts';
import { viberStatus } from './viberApi.ts';
import { viberSendResult } from './viberSendResult.ts';

/**
 * The outbox's Viber batching: a campaign's messages alike go out as
 * `broadcast_message` calls of at most 300 receivers, at most 500 calls in
 * 10 seconds. Every receiver's row gets the broadcast's token, which Viber's
 * receipts name with the receiver; one Viber refused gets its own outcome.
 */
export function createViberBroadcaster(deps: ViberSendDeps): BatchSending<Outbound> {
  return {
    limits: { perSecond: BROADCAST_CALLS_PER_SECOND, perAddressIntervalMs: 0 },
    maxAddresses: BROADCAST_RECEIVERS,
    carriesWhole: rendersAsOneMessage,
    sender: async (receivers, message) => {
      let outcome;
      try {
        outcome = await broadcastViberMessage(deps, receivers, message);
      } catch (error) {
        const result = viberSendResult(error);
        return receivers.map(() => result);
      }
      const failed = new Map(outcome.failed.map((entry) => [entry.receiver, entry]));
      const sent: SendResult =
        outcome.token === undefined ? { kind: 'delivered' } : { kind: 'delivered', platformId: outcome.token };
      return receivers.map((receiver) => {
        const entry = failed.get(receiver);
        return entry ? receiverResult(entry) : sent;
      });
    },
  };
}

/**
 * A receiver in `failed_list`: not registered or not subscribed is final and
 * the chat unreachable, as for a single send; any other status is tried
 * again under the retry policy, since the call itself went through.
 */
function receiverResult(entry: { status: number; statusMessage: string }): SendResult {
  const reason = `status ${entry.status}: ${entry.statusMessage} (broadcast_message failed_list)`;
  return entry.status === viberStatus.receiverNotRegistered || entry.status === viberStatus.receiverNotSubscribed
    ? { kind: 'unreachable', reason }
    : { kind: 'transient', reason };
}
