import type { BatchSending } from '../../core/outbox/batchSending.ts';
import type { SendObserver } from './countSends.ts';

/** A lane's broadcast (Viber's), reporting each address's result as a send of its own, as single sends are. */
export function countBatchSends<M>(channel: string, batching: BatchSending<M>, observe: SendObserver): BatchSending<M> {
  return {
    ...batching,
    sender: async (addresses, message) => {
      try {
        const results = await batching.sender(addresses, message);
        for (const result of results) observe(channel, result.kind);
        return results;
      } catch (error) {
        addresses.forEach(() => observe(channel, 'error'));
        throw error;
      }
    },
  };
}
