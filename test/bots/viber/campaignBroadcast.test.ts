// The application's Viber lane sends a campaign's messages alike as one
// broadcast, and Viber's receipts for it, which share the broadcast's one
// token, each land on the row of the receiver they name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViberHarness } from './support/viberHarness.ts';
import { eventually } from './support/eventually.ts';
import { queueCampaignRows, receiversOf, subscribers } from './support/campaignRows.ts';

let harness: ViberHarness;

beforeEach(async () => {
  harness = await ViberHarness.start();
});

afterEach(async () => {
  await harness.stop();
});

describe('a campaign on viber', () => {
  it('goes out as one broadcast, and each receipt is recorded on its own receiver’s row', async () => {
    const receivers = ['AnNa01234567890A=', 'IoN001234567890B='];
    subscribers(harness.fake, receivers);
    await queueCampaignRows(
      harness.app.db,
      receivers.map((address) => ({ address, message: { text: 'Coffee at half price until Sunday' } })),
    );
    harness.app.outbox.nudge();

    await eventually(async () =>
      (await harness.prisma.outboxMessage.count({ where: { status: 'sent' } })) === 2 ? true : undefined,
    );

    const [broadcast, ...more] = harness.fake.callsTo('broadcast_message');
    expect(more).toEqual([]);
    expect(receiversOf(broadcast!)).toEqual(receivers);
    expect(broadcast!.body).toMatchObject({ type: 'text', text: 'Coffee at half price until Sunday' });
    const delivered = await harness.fake.deliver({
      event: 'delivered',
      timestamp: 1_764_000_000_000,
      message_token: broadcast!.token!,
      user_id: receivers[0]!,
    });
    expect(delivered.status).toBe(200);
    const rows = await harness.prisma.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.platformId, row.deliveredAt?.getTime() ?? null])).toEqual([
      [String(broadcast!.token), 1_764_000_000_000],
      [String(broadcast!.token), null],
    ]);
  });
});
