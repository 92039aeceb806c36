// Campaign messages written straight to the outbox, as the fan-out writes
// them (one per member, status pending, the campaign's id on each), to
// Viber chats of people the stand-in knows, and a dispatcher sending them
// through the Viber lane as the application wires it.
import { silentLogger } from '../../../../core/logger.ts';
import type { Outbound } from '../../../../core/outbound.ts';
import { createDispatcher, type Dispatcher } from '../../../../core/outbox/dispatcher.ts';
import type { LaneTimer } from '../../../../core/outbox/laneTimer.ts';
import { serializeReplies } from '../../../../core/storage/conversation/storedReplies.ts';
import type { Database } from '../../../../core/storage/db/openDatabase.ts';
import { createOutboxStore } from '../../../../core/storage/outbox/createOutboxStore.ts';
import { createViberApi } from '../../../../bots/viber/viberApi.ts';
import { createViberBroadcaster } from '../../../../bots/viber/createViberBroadcaster.ts';
import { createViberSender } from '../../../../bots/viber/createViberSender.ts';
import type { ViberSendDeps } from '../../../../bots/viber/sendViberReply.ts';
import { VIBER_PER_USER_PER_HOUR } from '../../../../app/viber.ts';
import type { FakeViberApi } from '../../../support/fakeViberApi.ts';
import { testSettings } from '../../../outbox/support/dispatcherHarness.ts';

export interface CampaignRow {
  address: string;
  message: Outbound;
  campaignId?: string | null;
}

let sequence = 0;

/** Viber chats for the addresses, and one pending outbox row per row, oldest first in the given order. */
export async function queueCampaignRows(db: Database, rows: CampaignRow[]): Promise<void> {
  const consent = { consentAt: new Date('2026-01-01T00:00:00Z'), consentVersion: 'test-consent' };
  const addresses = [...new Set(rows.map((row) => row.address))];
  await db.prisma.chat.createMany({
    data: addresses.map((address) => ({
      id: crypto.randomUUID(),
      channel: 'viber',
      address,
      locale: 'en',
      state: '{}',
      ...consent,
    })),
  });
  const base = Date.now() - 60_000;
  await db.prisma.outboxMessage.createMany({
    data: rows.map((row, index) => ({
      id: crypto.randomUUID(),
      channel: 'viber',
      address: row.address,
      dedupeKey: `test-campaign:${++sequence}`,
      payload: serializeReplies([row.message]),
      status: 'pending',
      nextAttemptAt: new Date(base),
      createdAt: new Date(base + index),
      campaignId: row.campaignId === undefined ? 'campaign-1' : row.campaignId,
    })),
  });
}

/** The stand-in has a webhook, as after start-up, and knows each address as a subscriber. */
export function subscribers(fake: FakeViberApi, addresses: string[]): void {
  fake.webhookUrl ??= 'http://127.0.0.1:9/viber/webhook';
  for (const address of addresses) fake.personWrote(address);
}

export function viberDeps(fake: FakeViberApi): ViberSendDeps {
  return {
    call: createViberApi({ apiUrl: fake.apiUrl, authToken: fake.authToken }),
    sender: { name: 'Cafe' },
    // Viber fetches what is published; a data URL spares the test a picture server.
    publish: async (png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
  };
}

/** The Viber lane with its one-by-one sender and its broadcasts, at the application's limits. */
export function viberDispatcher(db: Database, fake: FakeViberApi, timer?: LaneTimer): Dispatcher {
  const deps = viberDeps(fake);
  return createDispatcher({
    store: createOutboxStore(db),
    senders: { viber: createViberSender(deps) },
    limits: { viber: { perSecond: 30, perAddressIntervalMs: 0, perAddressPerHour: VIBER_PER_USER_PER_HOUR } },
    batching: { viber: createViberBroadcaster(deps) },
    settings: testSettings,
    log: silentLogger,
    ...(timer && { timer }),
  });
}

export function receiversOf(call: { body: Record<string, unknown> }): string[] {
  return call.body.broadcast_list as string[];
}
