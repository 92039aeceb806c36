// Once staff resolve a ticket, the chat is the bot's again whatever the member
// does next, and staff can still keep notes on the ticket.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { ana, createDeskWorld, onlyTicket, texts, ticketMessages, tr, type DeskWorld } from './support/deskWorld.ts';

describeEachProvider('after staff resolve a ticket', (provider) => {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await createDeskWorld(provider);
  });
  afterEach(async () => {
    await world.dispose();
  });

  async function resolvedTicketOf(locale: 'en' | 'ru' | 'ro' = 'en') {
    const member = await world.join(locale);
    await member.presses(menuPayload('human'));
    const { id } = await onlyTicket(world.db);
    await world.staff.setDeskRef(id, 'thread-1');
    await world.staff.press(deskPayload.resolve(id), ana);
    return { member, id };
  }

  it('keeps a note written in the thread of a resolved ticket, and tells the writer nothing', async () => {
    const { id } = await resolvedTicketOf();
    const answer = await world.staff.reply({
      sourceKey: 's1',
      deskRef: 'thread-1',
      by: ana,
      text: 'note: customer called back, all fine',
    });
    expect(answer).toEqual({ ephemeral: null });
    expect((await ticketMessages(world.db, id)).map((row) => [row.author, row.text])).toEqual([
      ['note', 'customer called back, all fine'],
    ]);
  });

  it('answers a menu button as the bot again (History), not as a conversation with staff', async () => {
    const { member } = await resolvedTicketOf();
    const replies = await member.presses(menuPayload('history'));
    expect(texts(replies)).not.toContain(tr('en')('desk.withStaff'));
  });

  it('opens a new ticket on "Talk to a person"', async () => {
    const { member } = await resolvedTicketOf();
    await member.presses(menuPayload('human'));
    expect(await world.db.prisma.ticket.count()).toBe(2);
  });
});
