// A member is never stuck in a ticket: the menu keeps working, /start and
// /menu answer, the first message of a burst is acknowledged, the member can
// close the request themself, and a waiting time is promised only while a
// desk is connected.
import { MAIN_MENU_PAYLOAD } from '../../../core/menu/mainMenu.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  ana,
  buttonPayloads,
  chatState,
  createDeskWorld,
  deskPosts,
  onlyTicket,
  queuedFor,
  texts,
  threadPosts,
  ticketMessages,
  tr,
  type Customer,
  type DeskWorld,
} from './support/deskWorld.ts';

const en = tr('en');

describeEachProvider('a member with an open ticket is never stuck', (provider) => {
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

  it('shows the card with its till code, and the ticket stays open', async () => {
    const [card] = await anna.presses(menuPayload('card'));
    expect(card?.text).toMatch(/One-time code for the till: \d{6}/);
    expect(card?.image).toBeDefined();
    expect(await chatState(world.db, anna)).toMatchObject({ ticket: ticketId });
    expect(await ticketMessages(world.db, ticketId)).toEqual([]);
  });

  it('answers /start and /menu with the menu', async () => {
    expect(texts(await anna.commands('start'))).toEqual([en('menu.welcomeBack', { name: 'Anna' })]);
    expect(texts(await anna.commands('menu'))).toEqual([en('menu.title')]);
    expect(await ticketMessages(world.db, ticketId)).toEqual([]);
  });

  it('acknowledges the first message of a burst only, and the first of the next burst', async () => {
    world.advance(15);
    const first = await anna.says('My points are missing');
    expect(texts(first)).toEqual([en('desk.passed')]);
    expect(buttonPayloads(first)).toEqual([deskPayload.close(ticketId), MAIN_MENU_PAYLOAD]);
    world.advance(1);
    expect(await anna.says('since yesterday')).toEqual([]);
    expect(await anna.sendsPhoto('AgACAgIAAxkBAAIB', 'the receipt')).toEqual([]);
    world.advance(10);
    expect(texts(await anna.says('Anyone there?'))).toEqual([en('desk.passed')]);
    expect(await ticketMessages(world.db, ticketId)).toHaveLength(4);
  });

  it('does not acknowledge a message right after the ticket opened: the opening answer just said so', async () => {
    world.advance(2);
    expect(await anna.says('My points are missing')).toEqual([]);
  });

  it('closes the request on ✖ Close my request: staff read so, and nobody is asked for a rating', async () => {
    const replies = await anna.presses(deskPayload.close(ticketId));
    expect(texts(replies)).toEqual([en('desk.closedByYou')]);
    expect(await onlyTicket(world.db)).toMatchObject({ status: 'resolved' });
    expect((await threadPosts(world.db, ticketId)).map((post) => post.text)).toEqual([
      en('desk.thread.closedByCustomer', { name: 'Anna' }),
    ]);
    expect(await deskPosts(world.db, ticketId)).toContainEqual({ kind: 'refresh' });
    const card = await world.staff.card(ticketId);
    expect(card?.card.fields.find((field) => field.label === en('desk.card.status'))?.value).toBe(
      en('desk.status.closedByCustomer'),
    );
    expect(await world.staff.press(deskPayload.resolve(ticketId), ana)).not.toEqual({ ephemeral: null });
    expect(await queuedFor(world.db, anna)).toEqual([]);
  });

  it('closes the request on /cancel, and the bot has the chat again', async () => {
    expect(texts(await anna.commands('cancel'))).toEqual([en('desk.closedByYou')]);
    expect(await chatState(world.db, anna)).toEqual({ v: 1, step: 'member' });
    await anna.says('qwerty');
    expect(await ticketMessages(world.db, ticketId)).toEqual([]);
  });
});

describe('the wait a member is told', () => {
  let world: DeskWorld | undefined;

  afterEach(async () => {
    await world?.dispose();
  });

  it('promises no waiting time while no desk is connected: the request is recorded and answered in this chat', async () => {
    world = await createDeskWorld('sqlite', { expectedWaitMinutes: 5 }, false);
    const member = await world.join('en');
    const replies = await member.presses(menuPayload('human'));
    expect(texts(replies)).toEqual([en('desk.recorded.button')]);
    expect(texts(replies)[0]).not.toContain('usually within');
  });

  it('promises the waiting time while a desk is connected', async () => {
    world = await createDeskWorld('sqlite', { expectedWaitMinutes: 5 }, true);
    const member = await world.join('en');
    const [reply] = await member.presses(menuPayload('human'));
    expect(reply?.text).toContain('usually within 5 minutes');
  });
});
