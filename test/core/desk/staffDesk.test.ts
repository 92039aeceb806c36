// The staff side of the desk as the Slack adapter calls it: replies in a
// ticket's thread reach the customer, notes do not, Take and Resolve change a
// ticket once, /loyalty looks tickets and members up, and an answer that could
// not be delivered is reported in the thread once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { ticketReference } from '../../../core/desk/ticketReference.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  ana,
  bogdan,
  createDeskWorld,
  deskPosts,
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

const deskRef = 'desk:thread-100';
let slackMessages = 0;
/** A message in the ticket's thread, with a Slack-unique source key unless one is given. */
const inThread = (text: string, by = ana, sourceKey = `slack:C-DESK:${(slackMessages += 1)}`) => ({
  sourceKey,
  deskRef,
  by,
  text,
});

describeEachProvider('the staff desk', (provider) => {
  let world: DeskWorld;
  let anna: Customer;
  let ticketId: string;

  /** A member who asked for a person, and the ticket's message already in the staff channel. */
  async function ticketFrom(customer: Customer, ref = deskRef): Promise<string> {
    await customer.presses(menuPayload('human'));
    const ticket = await world.db.prisma.ticket.findFirstOrThrow({ where: { address: customer.address } });
    await world.staff.setDeskRef(ticket.id, ref);
    return ticket.id;
  }

  beforeEach(async () => {
    world = await createDeskWorld(provider);
    anna = await world.join('en');
    ticketId = await ticketFrom(anna);
  });

  afterEach(async () => {
    await world.dispose();
  });

  const take = (by: typeof ana, id = ticketId) => world.staff.press(deskPayload.take(id), by);

  describe('a reply in the thread', () => {
    it('reaches the customer with the first name of who answered', async () => {
      expect(await world.staff.reply(inThread('We are looking into it'))).toEqual({ ephemeral: null });
      expect(texts(await queuedFor(world.db, anna))).toEqual(['👤 Ana (our team): We are looking into it']);
    });

    it("reaches the customer in the customer's language, not the staff's", async () => {
      const boris = await world.join('ru');
      await ticketFrom(boris, 'desk:thread-900');
      await world.staff.reply({ ...inThread('Проверяем'), deskRef: 'desk:thread-900' });
      expect(texts(await queuedFor(world.db, boris))).toEqual(['👤 Ana (наша команда): Проверяем']);
    });

    it('counts as the first response and assigns the ticket nobody took', async () => {
      world.advance(4);
      await world.staff.reply(inThread('Hello Anna'));
      expect(await onlyTicket(world.db)).toMatchObject({
        status: 'taken',
        assigneeId: ana.id,
        assigneeName: 'Ana',
        takenAt: world.now(),
        firstResponseAt: world.now(),
      });
      expect((await ticketMessages(world.db, ticketId)).map((row) => [row.author, row.authorName, row.text])).toEqual([
        ['staff', 'Ana', 'Hello Anna'],
      ]);
      expect(await deskPosts(world.db, ticketId)).toContainEqual({ kind: 'refresh' });
    });

    it('keeps the first response time and the assignee when another staff member answers later', async () => {
      world.advance(4);
      await take(bogdan);
      const first = world.now();
      await world.staff.reply(inThread('Hello', bogdan));
      world.advance(3);
      await world.staff.reply(inThread('Ana here, too'));
      expect(await onlyTicket(world.db)).toMatchObject({ assigneeName: 'Bogdan', firstResponseAt: first });
      expect(texts(await queuedFor(world.db, anna))).toEqual([
        '👤 Bogdan from our team is looking into your request and will answer here.',
        '👤 Bogdan (our team): Hello',
        '👤 Ana (our team): Ana here, too',
      ]);
    });

    it('changes nothing when Slack delivers the same message again', async () => {
      const message = inThread('We are looking into it');
      await world.staff.reply(message);
      const once = await deskRows(world.db);
      expect(await world.staff.reply(message)).toEqual({ ephemeral: null });
      expect(await deskRows(world.db)).toEqual(once);
    });

    it('stays with staff when it starts with "note:"', async () => {
      expect(await world.staff.reply(inThread('note: the till was offline at 10:05'))).toEqual({ ephemeral: null });
      expect(await queuedFor(world.db, anna)).toEqual([]);
      expect((await ticketMessages(world.db, ticketId)).map((row) => [row.author, row.text])).toEqual([
        ['note', 'the till was offline at 10:05'],
      ]);
      expect(await onlyTicket(world.db)).toMatchObject({ status: 'open', firstResponseAt: null, assigneeId: null });
    });

    it('does not reach the customer of a resolved ticket, and says so to who wrote it', async () => {
      await world.staff.press(deskPayload.resolve(ticketId), ana);
      const before = await deskRows(world.db);
      const answer = await world.staff.reply(inThread('One more thing'));
      expect(answer).toEqual({ ephemeral: tr('en')('desk.replyToResolved', { ref: ticketReference(ticketId) }) });
      expect(texts(await queuedFor(world.db, anna))).toEqual([tr('en')('desk.resolved')]);
      expect(await deskRows(world.db)).toEqual(before);
    });

    it('is ignored in a thread that is no ticket', async () => {
      const before = await deskRows(world.db);
      expect(await world.staff.reply({ ...inThread('Lunch?'), deskRef: 'desk:thread-999' })).toEqual({
        ephemeral: null,
      });
      expect(await deskRows(world.db)).toEqual(before);
    });
  });

  describe('without staff names', () => {
    it('signs a reply as the team', async () => {
      const anonymous = await createDeskWorld(provider, { showStaffName: false });
      try {
        const ion = await anonymous.join('ro');
        await ion.presses(menuPayload('human'));
        await anonymous.staff.setDeskRef((await onlyTicket(anonymous.db)).id, deskRef);
        await anonymous.staff.reply(inThread('Verificăm'));
        expect(texts(await queuedFor(anonymous.db, ion))).toEqual(['👤 Echipa noastră: Verificăm']);
        // A later Take finds the ticket taken by that reply; a fresh ticket's Take is announced without the name.
        const olga = await anonymous.join('ro', 'Olga');
        await olga.presses(menuPayload('human'));
        const olgasTicket = (await anonymous.db.prisma.ticket.findFirstOrThrow({ where: { status: 'open' } })).id;
        await anonymous.staff.press(deskPayload.take(olgasTicket), ana);
        expect(texts(await queuedFor(anonymous.db, olga))).toEqual([
          '👤 Un coleg din echipa noastră se ocupă de solicitarea dumneavoastră și vă va răspunde aici.',
        ]);
      } finally {
        await anonymous.dispose();
      }
    });
  });

  describe('Take and Resolve', () => {
    it('gives the ticket to who pressed Take first and tells the thread', async () => {
      world.advance(2);
      expect(await take(ana)).toEqual({ ephemeral: null });
      expect(await onlyTicket(world.db)).toMatchObject({
        status: 'taken',
        assigneeId: ana.id,
        assigneeName: 'Ana',
        takenAt: world.now(),
      });
      expect(await threadPosts(world.db, ticketId)).toEqual([{ kind: 'thread', text: 'Ana took the ticket.' }]);
    });

    it('tells the customer, in their language, who is looking into their request, once', async () => {
      await take(ana);
      await take(bogdan);
      await take(ana);
      expect(texts(await queuedFor(world.db, anna))).toEqual([
        '👤 Ana from our team is looking into your request and will answer here.',
      ]);
    });

    it('tells a second staff member who has the ticket already, and changes nothing', async () => {
      await take(ana);
      const before = await deskRows(world.db);
      expect(await take(bogdan)).toEqual({ ephemeral: `Ana has already taken ticket ${ticketReference(ticketId)}.` });
      expect(await deskRows(world.db)).toEqual(before);
    });

    it('says nothing to the one who has the ticket pressing Take again', async () => {
      await take(ana);
      const before = await deskRows(world.db);
      expect(await take(ana)).toEqual({ ephemeral: null });
      expect(await deskRows(world.db)).toEqual(before);
    });

    it('resolves once, tells the thread how long it took, and asks the customer once', async () => {
      world.advance(125);
      expect(await world.staff.press(deskPayload.resolve(ticketId), ana)).toEqual({ ephemeral: null });
      expect(await world.staff.press(deskPayload.resolve(ticketId), bogdan)).toEqual({
        ephemeral: tr('en')('desk.alreadyResolved', { ref: ticketReference(ticketId) }),
      });
      expect(await onlyTicket(world.db)).toMatchObject({
        status: 'resolved',
        resolvedAt: world.now(),
        resolvedById: ana.id,
        assigneeName: 'Ana',
      });
      expect(await threadPosts(world.db, ticketId)).toEqual([
        {
          kind: 'thread',
          text: 'Ana resolved the ticket (2 hours 5 minutes after it opened). The customer has been asked to rate the help.',
        },
      ]);
      expect(texts(await queuedFor(world.db, anna))).toEqual([tr('en')('desk.resolved')]);
    });

    it('refuses Take on a resolved ticket', async () => {
      await world.staff.press(deskPayload.resolve(ticketId), ana);
      expect(await take(bogdan)).toEqual({
        ephemeral: tr('en')('desk.alreadyResolved', { ref: ticketReference(ticketId) }),
      });
    });

    it('answers a button it does not know and a ticket that does not exist', async () => {
      expect(await world.staff.press('desk:archive:x', ana)).toEqual({ ephemeral: tr('en')('desk.unknownAction') });
      expect(await world.staff.press(deskPayload.take('no-such-ticket'), ana)).toEqual({
        ephemeral: tr('en')('desk.ticketGone'),
      });
      expect(await world.staff.press(deskPayload.resolve('no-such-ticket'), ana)).toEqual({
        ephemeral: tr('en')('desk.ticketGone'),
      });
    });
  });

  describe('/loyalty', () => {
    it('lists the tickets not resolved yet, oldest first, with how long they have waited', async () => {
      world.advance(3);
      const boris = await world.join('ru');
      const borisTicket = await ticketFrom(boris, 'desk:thread-900');
      await take(bogdan, borisTicket);
      world.advance(5);
      expect(await world.staff.lookUp('')).toBe(
        [
          '2 open tickets:',
          `${ticketReference(ticketId)} · Anna · waiting for someone to take it · waiting 8 minutes`,
          `${ticketReference(borisTicket)} · Boris · taken by Bogdan · waiting 5 minutes`,
        ].join('\n'),
      );
    });

    it('says when there are no open tickets', async () => {
      await world.staff.press(deskPayload.resolve(ticketId), ana);
      expect(await world.staff.lookUp('  ')).toBe(tr('en')('desk.lookUp.noOpenTickets'));
    });

    it('shows a member found by phone number, typed either way', async () => {
      const card = await world.staff.lookUp(anna.phone);
      expect(card.split('\n')).toEqual(
        expect.arrayContaining(['💳 Anna', 'Phone: •••• 3401', 'Balance: 100 points', 'Language: English']),
      );
      expect(card).not.toContain('369123');
      expect(await world.staff.lookUp('+373 69 123 401')).toBe(card);
    });

    it('shows a member found by card number', async () => {
      const { cardNumber } = await world.db.prisma.member.findFirstOrThrow({ where: { phone: '+37369123401' } });
      const card = await world.staff.lookUp(cardNumber);
      expect(card.split('\n')).toEqual(expect.arrayContaining(['💳 Anna', `Card: ${cardNumber}`]));
    });

    it('says so when nobody has that phone number', async () => {
      expect(await world.staff.lookUp('069999999')).toBe(tr('en')('desk.lookUp.notFound', { query: '069999999' }));
    });

    it('says it cannot read what is neither a phone nor a card number', async () => {
      expect(await world.staff.lookUp('banana')).toBe(tr('en')('desk.lookUp.unreadable', { query: 'banana' }));
    });
  });

  describe('an answer the customer will never get', () => {
    it('is reported in the thread once, even when reported twice', async () => {
      const message = { id: 'outbox-1', channel: 'telegram', ticketId };
      await world.staff.undeliverable(message, 'Forbidden: bot was blocked by the user');
      await world.staff.undeliverable(message, 'Forbidden: bot was blocked by the user');
      expect(await threadPosts(world.db, ticketId)).toEqual([
        { kind: 'thread', text: tr('en')('desk.thread.undeliverable') },
      ]);
    });

    it('is not reported for a staff channel post or a message of no ticket', async () => {
      const before = await deskRows(world.db);
      await world.staff.undeliverable({ id: 'outbox-2', channel: 'desk', ticketId }, 'channel_not_found');
      await world.staff.undeliverable({ id: 'outbox-3', channel: 'telegram', ticketId: null }, 'Forbidden');
      expect(await deskRows(world.db)).toEqual(before);
    });
  });
});
