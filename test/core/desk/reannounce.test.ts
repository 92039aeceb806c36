// A ticket nobody took is announced again to the whole staff channel at each
// configured delay after it opened (here 10 and 30 minutes), once each, and
// never once somebody has taken it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { reannounceTickets } from '../../../core/desk/reannounceTickets.ts';
import { ticketReference } from '../../../core/desk/ticketReference.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { ana, createDeskWorld, onlyTicket, threadPosts, translator, type DeskWorld } from './support/deskWorld.ts';

describeEachProvider('re-announcing a ticket nobody took', (provider) => {
  let world: DeskWorld;
  let ticketId: string;

  beforeEach(async () => {
    world = await createDeskWorld(provider, { reannounceAfterMinutes: [10, 30] });
    const anna = await world.join('en');
    await anna.presses(menuPayload('human'));
    ticketId = (await onlyTicket(world.db)).id;
  });

  afterEach(async () => {
    await world.dispose();
  });

  const opened = () => world.now();
  /** Runs the job at `minutes` after the ticket opened. */
  const reannounceAt = (at: Date, minutes: number) =>
    reannounceTickets(world.desk, translator, new Date(at.getTime() + minutes * 60_000));
  const broadcasts = async () => (await threadPosts(world.db, ticketId)).filter((post) => post.broadcast);

  it('says nothing before the first delay', async () => {
    expect(await reannounceAt(opened(), 9)).toBe(0);
    expect(await broadcasts()).toEqual([]);
  });

  it('calls everyone once at the first delay, saying how long the ticket has waited', async () => {
    expect(await reannounceAt(opened(), 10)).toBe(1);
    expect(await broadcasts()).toEqual([
      {
        kind: 'thread',
        broadcast: true,
        text: `Ticket ${ticketReference(ticketId)} has been waiting 10 minutes and nobody has taken it yet.`,
      },
    ]);
    expect(await onlyTicket(world.db)).toMatchObject({
      announcements: 1,
      nextAnnounceAt: new Date(opened().getTime() + 30 * 60_000),
    });
  });

  it('does not call again when the job runs twice at the same delay', async () => {
    const at = opened();
    await reannounceAt(at, 10);
    expect(await reannounceAt(at, 10)).toBe(0);
    expect(await reannounceAt(at, 29)).toBe(0);
    expect(await broadcasts()).toHaveLength(1);
  });

  it('calls a second time at the second delay, and then never again', async () => {
    const at = opened();
    await reannounceAt(at, 10);
    expect(await reannounceAt(at, 30)).toBe(1);
    expect(await reannounceAt(at, 31)).toBe(0);
    expect(await reannounceAt(at, 24 * 60)).toBe(0);
    expect((await broadcasts()).map((post) => post.text)).toEqual([
      `Ticket ${ticketReference(ticketId)} has been waiting 10 minutes and nobody has taken it yet.`,
      `Ticket ${ticketReference(ticketId)} has been waiting 30 minutes and nobody has taken it yet.`,
    ]);
    expect(await onlyTicket(world.db)).toMatchObject({ announcements: 2, nextAnnounceAt: null });
  });

  it('never announces a ticket somebody took', async () => {
    const at = opened();
    world.advance(5);
    await world.staff.press(deskPayload.take(ticketId), ana);
    expect(await reannounceAt(at, 10)).toBe(0);
    expect(await reannounceAt(at, 30)).toBe(0);
    expect(await broadcasts()).toEqual([]);
  });

  it('stops announcing a ticket taken between the two delays', async () => {
    const at = opened();
    await reannounceAt(at, 10);
    await world.staff.press(deskPayload.take(ticketId), ana);
    expect(await reannounceAt(at, 30)).toBe(0);
    expect(await broadcasts()).toHaveLength(1);
  });

  it('never announces a ticket resolved before anyone took it', async () => {
    const at = opened();
    await world.staff.press(deskPayload.resolve(ticketId), ana);
    expect(await reannounceAt(at, 10)).toBe(0);
    expect(await broadcasts()).toEqual([]);
  });

  it('calls once, not once per missed delay, when the job first runs after both delays (after downtime)', async () => {
    const at = opened();
    expect(await reannounceAt(at, 45)).toBe(1);
    expect(await reannounceAt(at, 45)).toBe(0);
    expect(await reannounceAt(at, 46)).toBe(0);
    expect((await broadcasts()).map((post) => post.text)).toEqual([
      `Ticket ${ticketReference(ticketId)} has been waiting 45 minutes and nobody has taken it yet.`,
    ]);
  });
});
