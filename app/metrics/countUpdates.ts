import type { Assistant } from '../../core/assistant.ts';
import type { InboundLog } from '../../core/conversation/conversationPorts.ts';
import type { Metrics } from './createMetrics.ts';

type Outcome = 'answered' | 'duplicate' | 'failed';

/**
 * Counts every update the assistant handles, by channel and outcome, and
 * times it. The assistant never throws (a failure becomes the apology), so
 * the outcome is read from what it does with the update's claim: refused
 * (a duplicate) or released (it failed). Core stays free of metrics.
 */
export function countUpdates(metrics: Metrics, inbound: InboundLog) {
  const seen = new Map<string, Outcome>();
  const keyOf = (channel: string, updateId: string) => `${channel}\u0000${updateId}`;
  const observedInbound: InboundLog = {
    ...inbound,
    claimUpdate: async (channel, updateId) => {
      const claimed = await inbound.claimUpdate(channel, updateId);
      if (!claimed) seen.set(keyOf(channel, updateId), 'duplicate');
      return claimed;
    },
    releaseUpdate: async (channel, updateId) => {
      seen.set(keyOf(channel, updateId), 'failed');
      await inbound.releaseUpdate(channel, updateId);
    },
  };
  const observedAssistant = (assistant: Assistant): Assistant => ({
    ...assistant,
    handle: async (update) => {
      const stop = metrics.updateSeconds.startTimer({ channel: update.channel });
      const key = keyOf(update.channel, update.updateId);
      try {
        return await assistant.handle(update);
      } finally {
        stop();
        metrics.updates.inc({ channel: update.channel, outcome: seen.get(key) ?? 'answered' });
        seen.delete(key);
      }
    },
  });
  return { inbound: observedInbound, assistant: observedAssistant };
}
