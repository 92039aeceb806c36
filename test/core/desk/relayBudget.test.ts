// A customer flooding their ticket: the ticket keeps every message, staff get
// at most the budget's posts a minute plus one merged post for the rest, and
// the customer is asked once, in their language, to wait for an answer.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  createDeskWorld,
  onlyTicket,
  queuedFor,
  threadPosts,
  ticketMessages,
  tr,
  type Customer,
  type DeskWorld,
} from './support/deskWorld.ts';

const SECOND = 1 / 60;

describeEachProvider('the relay budget of a ticket', (provider) => {
  let world: DeskWorld;
  let ion: Customer;
  let ticketId: string;

  beforeEach(async () => {
    world = await createDeskWorld(provider, { relayPerMinute: 10 });
    ion = await world.join('ro', 'Ion');
    await ion.presses(menuPayload('human'));
    ticketId = (await onlyTicket(world.db)).id;
  });

  afterEach(async () => {
    await world.dispose();
  });

  /** `count` messages a second apart; none gets an answer from the bot. */
  async function flood(count: number, from = 0): Promise<string[]> {
    const texts = Array.from({ length: count }, (_, n) => `message ${from + n}`);
    for (const text of texts) {
      world.advance(SECOND);
      expect(await ion.says(text)).toEqual([]);
    }
    return texts;
  }
  const asksToWait = async () =>
    (await queuedFor(world.db, ion)).filter((reply) => reply.text === tr('ro')('desk.relayHeld'));
  const heldRow = () =>
    world.db.prisma.outboxMessage.findFirstOrThrow({ where: { channel: 'desk', dedupeKey: { contains: ':held:' } } });
  /** The dispatcher sent the merged posts (no dispatcher runs in these tests). */
  const mergedPostsSent = () =>
    world.db.prisma.outboxMessage.updateMany({
      where: { channel: 'desk', dedupeKey: { contains: ':held:' } },
      data: { status: 'sent' },
    });

  it('relays ten messages a minute one by one and merges the rest into one post, keeping all of them', async () => {
    const texts = await flood(30);
    expect((await ticketMessages(world.db, ticketId)).map((row) => row.text)).toEqual(texts);
    const posts = await threadPosts(world.db, ticketId);
    expect(posts.slice(0, 10)).toEqual(
      texts.slice(0, 10).map((quote) => ({ kind: 'thread', text: 'Ion wrote:', quote })),
    );
    expect(posts.slice(10)).toEqual([
      {
        kind: 'thread',
        text: 'Ion wrote 20 more messages in a short time (merged here):',
        quote: texts.slice(10).join('\n\n'),
        held: { count: 20, shown: 20 },
      },
    ]);
    // The merged post waits for the burst to end before it goes out.
    expect((await heldRow()).nextAttemptAt.getTime()).toBeGreaterThan(world.now().getTime());
    expect(await asksToWait()).toHaveLength(1);
    expect(tr('ro')('desk.relayHeld')).toMatch(/așteptați/);
  });

  it('relays one by one again once the burst is over, and asks only once while the flood goes on', async () => {
    await flood(15);
    await mergedPostsSent();
    await flood(15, 15);
    expect((await threadPosts(world.db, ticketId)).filter((post) => post.held).map((post) => post.held)).toEqual([
      { count: 5, shown: 5 },
      { count: 15, shown: 15 },
    ]);
    expect(await asksToWait()).toHaveLength(1);
    await mergedPostsSent();
    world.advance(2);
    await ion.says('Are you there?');
    expect((await threadPosts(world.db, ticketId)).at(-1)).toEqual({
      kind: 'thread',
      text: 'Ion wrote:',
      quote: 'Are you there?',
    });
  });

  it('quotes as much of a flood of long messages as a post can hold and counts the rest', async () => {
    const long = 'x'.repeat(4_000);
    for (let n = 0; n < 20; n += 1) {
      world.advance(SECOND);
      await ion.says(long);
    }
    const merged = (await threadPosts(world.db, ticketId)).at(-1)!;
    expect(merged.held).toEqual({ count: 10, shown: 2 });
    expect(merged.text).toBe(
      'Ion wrote 10 more messages in a short time (merged here): 8 of them are too long to show here and are kept with the ticket.',
    );
    expect(await ticketMessages(world.db, ticketId)).toHaveLength(20);
  });
});
