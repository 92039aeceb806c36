// The outcomes the end-to-end metrics test cannot provoke cheaply: an update
// the assistant failed to answer, a broadcast's per-address results, and a
// scheduled job that failed.
import { describe, expect, it } from 'vitest';
import type { Assistant } from '../../core/assistant.ts';
import type { InboundLog } from '../../core/conversation/conversationPorts.ts';
import type { Inbound } from '../../core/inbound.ts';
import { silentLogger } from '../../core/logger.ts';
import { defaultProgramSettings } from '../../core/settings/programSettings.ts';
import type { JobOutcome } from '../../core/jobs/runScheduledJobs.ts';
import { startScheduler } from '../../app/startScheduler.ts';
import { createMetrics, type Metrics } from '../../app/metrics/createMetrics.ts';
import { countUpdates } from '../../app/metrics/countUpdates.ts';
import { countBatchSends } from '../../app/metrics/countBatchSends.ts';
import { createJobsWorld, translator } from '../core/jobs/support/jobsWorld.ts';
import { parseMetrics } from './support/scrapeMetrics.ts';

const noGauges = {
  outbox: async () => [],
  desk: async () => ({ byStatus: [], oldestUnansweredSeconds: 0 }),
  pool: () => undefined,
};
const scrape = async (metrics: Metrics) => parseMetrics(await metrics.registry.metrics());

const inboundLog = (): InboundLog => ({
  claimUpdate: async () => true,
  releaseUpdate: async () => {},
  rememberReplies: async () => {},
  recallReplies: async () => null,
});

/** An assistant that, like the real one, releases the update's claim when it cannot answer. */
function failingAssistant(inbound: InboundLog): Assistant {
  return {
    handle: async (update) => {
      await inbound.claimUpdate(update.channel, update.updateId);
      await inbound.releaseUpdate(update.channel, update.updateId);
      return [{ text: 'Sorry' }];
    },
    failureReply: async () => ({ text: 'Sorry' }),
    localeFor: async () => 'en',
    unreachable: async () => {},
  };
}

describe('counting', () => {
  it('counts an update whose claim was released as failed', async () => {
    const metrics = createMetrics(noGauges);
    const updates = countUpdates(metrics, inboundLog());
    const assistant = updates.assistant(failingAssistant(updates.inbound));
    await assistant.handle({
      channel: 'web',
      updateId: 'u-1',
      address: 'visitor',
      event: { kind: 'text', text: 'hi' },
    } as Inbound);

    const scraped = await scrape(metrics);
    expect(scraped.value('loyalty_updates_total', { channel: 'web', outcome: 'failed' })).toBe(1);
    expect(scraped.value('loyalty_updates_total', { channel: 'web', outcome: 'answered' })).toBe(0);
  });

  it('counts each address of a broadcast by its result', async () => {
    const metrics = createMetrics(noGauges);
    const broadcast = countBatchSends(
      'viber',
      {
        sender: async () => [{ kind: 'delivered' }, { kind: 'unreachable', reason: 'blocked' }, { kind: 'delivered' }],
        limits: { perSecond: 1, perAddressIntervalMs: 0 },
        maxAddresses: 300,
        carriesWhole: () => true,
      },
      (channel, kind) => metrics.sends.inc({ channel, kind }),
    );
    await broadcast.sender(['a', 'b', 'c'], { text: 'news' });

    const scraped = await scrape(metrics);
    expect(scraped.value('loyalty_outbox_sends_total', { channel: 'viber', kind: 'delivered' })).toBe(2);
    expect(scraped.value('loyalty_outbox_sends_total', { channel: 'viber', kind: 'unreachable' })).toBe(1);
  });

  it('tells the metrics of a scheduled job that failed', async () => {
    const world = await createJobsWorld('sqlite');
    try {
      const told: JobOutcome[] = [];
      const scheduler = startScheduler(
        world.db,
        {
          translator,
          settings: defaultProgramSettings,
          clock: () => new Date('2026-11-23T10:00:00Z'),
          log: silentLogger,
          loadRules: () => Promise.reject(new Error('the rules cannot be read')),
          onOutcomes: (outcomes) => told.push(...outcomes),
        },
        { intervalMs: 0 },
      );
      await scheduler.runNow();
      expect(told.find((outcome) => outcome.job === 'scoring-daily')).toMatchObject({ kind: 'failed' });
    } finally {
      await world.dispose();
    }
  });
});
