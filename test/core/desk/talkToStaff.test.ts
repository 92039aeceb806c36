// While a ticket is open what the member writes or sends goes to the ticket's
// thread (the first of a burst acknowledged, see neverStuck.test.ts); the
// menu's buttons and commands keep working.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  createDeskWorld,
  deskRows,
  onlyTicket,
  texts,
  threadPosts,
  ticketMessages,
  tr,
  type Customer,
  type DeskWorld,
} from './support/deskWorld.ts';

describeEachProvider('a member talking to staff', (provider) => {
  let world: DeskWorld;
  let anna: Customer;
  let ticketId: string;

  beforeEach(async () => {
    world = await createDeskWorld(provider);
    anna = await world.join('en');
    await anna.presses(menuPayload('human'));
    ticketId = (await onlyTicket(world.db)).id;
  });

  afterEach(async () => {
    await world.dispose();
  });

  const customerWords = async () => (await ticketMessages(world.db, ticketId)).map((row) => [row.author, row.text]);

  it('passes a text to the ticket without an answer from the bot', async () => {
    world.advance(2);
    expect(await anna.says('My points from yesterday are missing')).toEqual([]);
    const messages = await ticketMessages(world.db, ticketId);
    expect(messages.map((row) => [row.author, row.text, row.createdAt])).toEqual([
      ['customer', 'My points from yesterday are missing', world.now()],
    ]);
    expect(await threadPosts(world.db, ticketId)).toEqual([
      { kind: 'thread', text: 'Anna wrote:', quote: 'My points from yesterday are missing' },
    ]);
  });

  it('passes words that read as a complaint to the same ticket instead of opening another', async () => {
    expect(await anna.says('The staff were rude')).toEqual([]);
    expect((await onlyTicket(world.db)).id).toBe(ticketId);
    expect(await customerWords()).toEqual([['customer', 'The staff were rude']]);
  });

  it('passes commands the bot does not know to the ticket as the member typed them', async () => {
    // Messages are kept in the order they came, by time; a minute apart keeps that order plain.
    expect(await anna.commands('refund', 'yesterday')).toEqual([]);
    world.advance(1);
    expect(await anna.commands('help-me')).toEqual([]);
    expect(await customerWords()).toEqual([
      ['customer', '/refund yesterday'],
      ['customer', '/help-me'],
    ]);
  });

  it('points /complaint at the open ticket instead of opening another', async () => {
    const replies = await anna.commands('complaint', 'and another thing');
    expect(texts(replies)).toEqual([tr('en')('desk.withStaff')]);
    expect((await onlyTicket(world.db)).id).toBe(ticketId);
  });

  it('passes a photo to the ticket with its caption, and tells staff where to fetch it', async () => {
    expect(await anna.sendsPhoto('AgACAgIAAxkBAAIB', 'the receipt')).toEqual([]);
    const [message] = await ticketMessages(world.db, ticketId);
    expect(message).toMatchObject({ author: 'customer', text: 'the receipt', photoFileId: 'AgACAgIAAxkBAAIB' });
    expect(await threadPosts(world.db, ticketId)).toEqual([
      {
        kind: 'thread',
        text: 'Anna sent a photo:',
        quote: 'the receipt',
        photo: { channel: 'telegram', fileId: 'AgACAgIAAxkBAAIB' },
      },
    ]);
  });

  it('passes a photo without a caption with no quote', async () => {
    expect(await anna.sendsPhoto('AgACAgIAAxkBAAIC')).toEqual([]);
    expect(await threadPosts(world.db, ticketId)).toEqual([
      { kind: 'thread', text: 'Anna sent a photo:', photo: { channel: 'telegram', fileId: 'AgACAgIAAxkBAAIC' } },
    ]);
  });

  it('writes the staff posts in the staff language, whatever the member speaks', async () => {
    const boris = await world.join('ru');
    await boris.presses(menuPayload('human'));
    const borisTicket = (await world.db.prisma.ticket.findFirstOrThrow({ where: { address: boris.address } })).id;
    await boris.says('Где мои баллы?');
    expect(await threadPosts(world.db, borisTicket)).toEqual([
      { kind: 'thread', text: 'Boris wrote:', quote: 'Где мои баллы?' },
    ]);
  });

  it('still shows the balance on the Balance button, and passes nothing to staff', async () => {
    const replies = await anna.presses(menuPayload('balance'));
    expect(texts(replies)).toHaveLength(1);
    expect(texts(replies)[0]).toContain(tr('en')('balance.text', { points: tr('en')('points', { count: 100 }) }));
    expect(await ticketMessages(world.db, ticketId)).toEqual([]);
  });

  it('still shows the balance on /balance', async () => {
    const replies = await anna.commands('balance');
    expect(texts(replies)[0]).toContain('You have 100 points.');
    expect(await ticketMessages(world.db, ticketId)).toEqual([]);
  });

  it('answers any menu button as usual, and passes nothing to staff', async () => {
    const before = await deskRows(world.db);
    const replies = await anna.presses(menuPayload('history'));
    expect(texts(replies).join('\n')).toContain(tr('en')('history.title'));
    expect(await deskRows(world.db)).toEqual(before);
  });

  it('answers a shared contact politely, and passes nothing to staff', async () => {
    const before = await deskRows(world.db);
    const replies = await anna.sends(anna.update({ kind: 'contact', phone: '+37369123401', ownership: 'proven' }));
    expect(texts(replies)).toEqual([tr('en')('desk.withStaff')]);
    expect(await deskRows(world.db)).toEqual(before);
  });

  it('passes a redelivered update once', async () => {
    const update = anna.update({ kind: 'text', text: 'Hello?' });
    await anna.sends(update);
    const once = await deskRows(world.db);
    expect(await anna.sends(update)).toEqual([]);
    expect(await deskRows(world.db)).toEqual(once);
    expect(await customerWords()).toEqual([['customer', 'Hello?']]);
  });

  it("answers in the member's language", async () => {
    const ion = await world.join('ro');
    await ion.presses(menuPayload('human'));
    expect(texts(await ion.presses(menuPayload('human')))).toEqual([tr('ro')('desk.withStaff')]);
  });
});
