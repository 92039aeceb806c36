// After staff resolve a ticket: the member is asked to rate the help, the bot
// has the chat again, and a rating (with an optional comment) reaches staff once.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { menuPayload, payload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  ana,
  buttonPayloads,
  chatState,
  createDeskWorld,
  deskRows,
  onlyTicket,
  queuedFor,
  texts,
  threadPosts,
  ticketMessages,
  tr,
  type Customer,
  type DeskWorld,
} from './support/deskWorld.ts';

describeEachProvider('a member after staff resolved the ticket', (provider) => {
  let world: DeskWorld;
  let boris: Customer;
  let ticketId: string;

  beforeEach(async () => {
    world = await createDeskWorld(provider);
    boris = await world.join('ru', 'Boris');
    await boris.complains('Кассир мне нахамил');
    ticketId = (await onlyTicket(world.db)).id;
    world.advance(20);
    expect(await world.staff.press(deskPayload.resolve(ticketId), ana)).toEqual({ ephemeral: null });
    world.advance(1);
  });

  afterEach(async () => {
    await world.dispose();
  });

  it('asks the member, in their language, to rate the help from one to five', async () => {
    const queued = await queuedFor(world.db, boris);
    expect(texts(queued)).toEqual([tr('ru')('desk.resolved')]);
    expect(buttonPayloads(queued)).toEqual([1, 2, 3, 4, 5].map((rating) => `rate:${ticketId}:${rating}`));
  });

  it('answers the next text itself instead of passing it to staff', async () => {
    const replies = await boris.says('qwerty');
    expect(texts(replies)).toEqual([tr('ru')('errors.notUnderstood')]);
    expect((await ticketMessages(world.db, ticketId)).map((row) => row.text)).toEqual(['Кассир мне нахамил']);
    expect(await chatState(world.db, boris)).not.toHaveProperty('ticket');
  });

  it('answers the next command itself', async () => {
    const replies = await boris.commands('start');
    expect(texts(replies)).toEqual([tr('ru')('menu.welcomeBack', { name: 'Boris' })]);
    expect(await chatState(world.db, boris)).toEqual({ v: 1, step: 'member' });
  });

  it('opens a new ticket when the member complains again', async () => {
    await boris.says('привет');
    const replies = await boris.complains('Опять нахамили, ужасно');
    expect(texts(replies)).toEqual([tr('ru')('desk.opened.complaint', { count: 15 })]);
    expect(await world.db.prisma.ticket.count()).toBe(2);
  });

  it('stores a rating on the ticket, tells staff and asks for a comment', async () => {
    const replies = await boris.presses(payload.rate(ticketId, 4));
    expect(texts(replies)).toEqual([tr('ru')('desk.ratedAskComment')]);
    expect(await onlyTicket(world.db)).toMatchObject({ rating: 4, ratedAt: world.now(), ratingComment: null });
    expect((await threadPosts(world.db, ticketId)).at(-1)).toEqual({
      kind: 'thread',
      text: 'Boris rated the help: ★★★★☆ (4 of 5).',
    });
    expect(await chatState(world.db, boris)).toEqual({ v: 1, step: 'member', commentFor: ticketId });
  });

  it("stores the next text as the rating's comment and passes it to staff", async () => {
    await boris.presses(payload.rate(ticketId, 2));
    const replies = await boris.says('Долго ждал ответа');
    expect(texts(replies)).toEqual([tr('ru')('desk.commentThanks')]);
    expect(await onlyTicket(world.db)).toMatchObject({ rating: 2, ratingComment: 'Долго ждал ответа' });
    expect((await threadPosts(world.db, ticketId)).at(-1)).toEqual({
      kind: 'thread',
      text: 'Boris commented on the rating:',
      quote: 'Долго ждал ответа',
    });
    expect(await chatState(world.db, boris)).toEqual({ v: 1, step: 'member' });
  });

  it('answers the text after the comment itself again', async () => {
    await boris.presses(payload.rate(ticketId, 5));
    await boris.says('Спасибо!');
    expect(texts(await boris.says('Спасибо ещё раз'))).toEqual([tr('ru')('errors.notUnderstood')]);
    expect(await onlyTicket(world.db)).toMatchObject({ ratingComment: 'Спасибо!' });
  });

  it('takes a menu button after a rating as the member leaving the comment out', async () => {
    await boris.presses(payload.rate(ticketId, 5));
    const replies = await boris.presses(menuPayload('balance'));
    expect(texts(replies)[0]).toContain(tr('ru')('balance.text', { points: tr('ru')('points', { count: 100 }) }));
    await boris.says('qwerty');
    expect(await onlyTicket(world.db)).toMatchObject({ ratingComment: null });
  });

  it('keeps the first rating and changes nothing on a second one', async () => {
    await boris.presses(payload.rate(ticketId, 4));
    await boris.says('Нормально');
    const before = await deskRows(world.db);
    const replies = await boris.presses(payload.rate(ticketId, 1));
    expect(texts(replies)).toEqual([tr('ru')('desk.alreadyRated')]);
    expect(await deskRows(world.db)).toEqual(before);
    expect(await onlyTicket(world.db)).toMatchObject({ rating: 4, ratingComment: 'Нормально' });
  });

  it("refuses a rating of a ticket that is not the member's", async () => {
    const ion = await world.join('ro');
    const replies = await ion.presses(payload.rate(ticketId, 1));
    expect(texts(replies)).toEqual([tr('ro')('errors.unknownButton')]);
    expect(await onlyTicket(world.db)).toMatchObject({ rating: null });
  });
});
