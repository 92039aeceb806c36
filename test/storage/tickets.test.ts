// The staff desk's storage: tickets change by conditional updates, each change
// commits with its messages and outbox rows, a redelivered update writes
// nothing. On SQLite and on a real PostgreSQL server.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CustomerDraft, DeskStore, StaffRef, TicketMessageDraft } from '../../core/desk/deskPorts.ts';
import { createDeskStore } from '../../core/storage/desk/createDeskStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../support/testDatabase.ts';
import {
  aCustomer,
  aNewTicket,
  anOpenTicket,
  aPost,
  aPurchase,
  opened,
  type Customer,
} from './support/ticketFixtures.ts';

const ana: StaffRef = { id: 'U-ANA', name: 'Ana' };
const bogdan: StaffRef = { id: 'U-BOGDAN', name: 'Bogdan' };
const later = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
const reply = (text: string): CustomerDraft => ({ dedupeKey: `reply:${text}`, message: { text } });

describeEachProvider('the desk store', (provider) => {
  let db: TestDatabase;
  let store: DeskStore;
  let customer: Customer;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    store = createDeskStore(db);
    customer = await aCustomer(db);
  });

  afterEach(async () => {
    await db.dispose();
  });

  // Rows written by one change share its time; the key orders them.
  const outbox = () => db.prisma.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }] });
  const outboxKeys = async () => (await outbox()).map((row) => row.dedupeKey);
  const messages = (ticketId: string) =>
    db.prisma.ticketMessage.findMany({ where: { ticketId }, orderBy: { createdAt: 'asc' } });
  const customerSays = (ticketId: string, key: string, minutes = 1): TicketMessageDraft => ({
    ticketId,
    sourceKey: key,
    author: 'customer',
    text: key,
    at: later(minutes),
  });
  const staffSays = (ticketId: string, key: string, by: StaffRef, minutes = 2): TicketMessageDraft => ({
    ticketId,
    sourceKey: key,
    author: 'staff',
    by,
    text: key,
    at: later(minutes),
  });
  const noteBy = (ticketId: string, key: string, by: StaffRef): TicketMessageDraft => ({
    ...staffSays(ticketId, key, by),
    author: 'note',
  });

  async function resolved(by: StaffRef = ana) {
    const ticket = await anOpenTicket(db, store, customer);
    await store.resolve(ticket.id, by, later(10), [], reply(`resolved ${ticket.id}`));
    return ticket;
  }

  it('opens a ticket with its opening message and staff posts, and moves the chat on', async () => {
    const ticket = aNewTicket(customer);
    const state = { v: 1 as const, step: 'member' as const, ticket: ticket.id };
    expect(
      await store.open({ ticket, chat: { id: customer.chatId, version: 0, state }, posts: [aPost('announce')] }),
    ).toBe('opened');
    expect(await store.find(ticket.id)).toEqual({
      ...ticket,
      status: 'open',
      deskRef: null,
      assignee: null,
      takenAt: null,
      firstResponseAt: null,
      resolvedAt: null,
      closedByCustomer: false,
      announcements: 0,
      rating: null,
      ratingComment: null,
      surveyScore: null,
      followUpBy: null,
    });
    const chat = await db.prisma.chat.findUniqueOrThrow({ where: { id: customer.chatId } });
    expect([JSON.parse(chat.state), chat.version]).toEqual([state, 1]);
    expect((await messages(ticket.id)).map((row) => [row.author, row.text, row.sourceKey, row.createdAt])).toEqual([
      ['customer', 'My points are missing', `ticket:${ticket.id}:opening`, opened],
    ]);
    expect(
      (await outbox()).map((row) => [row.channel, row.address, row.ticketId, row.memberId, JSON.parse(row.payload)]),
    ).toEqual([['desk', ticket.id, ticket.id, null, { kind: 'thread', text: 'announce' }]]);
  });

  it('writes no opening message for a ticket opened without text', async () => {
    const ticket = await anOpenTicket(db, store, customer, { text: '' });
    expect(await messages(ticket.id)).toEqual([]);
  });

  it('writes nothing when the chat changed since its version was read', async () => {
    const ticket = aNewTicket(customer);
    const outcome = await store.open({
      ticket,
      chat: { id: customer.chatId, version: 7, state: { v: 1, step: 'member', ticket: ticket.id } },
      posts: [aPost('announce')],
    });
    expect(outcome).toBe('chat-changed');
    expect(await db.prisma.ticket.count()).toBe(0);
    expect(await db.prisma.ticketMessage.count()).toBe(0);
    expect(await outbox()).toEqual([]);
    expect(await db.prisma.chat.findUniqueOrThrow({ where: { id: customer.chatId } })).toMatchObject({
      state: '{}',
      version: 0,
    });
  });

  it('adds a customer message with its post to the thread', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    expect(await store.addCustomerMessage(customerSays(ticket.id, 'update:1'), aPost('post:1'))).toBe('added');
    expect((await messages(ticket.id)).map((row) => row.sourceKey)).toEqual([
      `ticket:${ticket.id}:opening`,
      'update:1',
    ]);
    expect(await outbox()).toMatchObject([
      { channel: 'desk', address: ticket.id, ticketId: ticket.id, dedupeKey: 'post:1' },
    ]);
  });

  it('writes neither a message nor a post for an update delivered twice', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await store.addCustomerMessage(customerSays(ticket.id, 'update:1'), aPost('post:1'));
    expect(await store.addCustomerMessage(customerSays(ticket.id, 'update:1'), aPost('post:again'))).toBe('duplicate');
    expect(await messages(ticket.id)).toHaveLength(2);
    expect(await outboxKeys()).toEqual(['post:1']);
  });

  it('records only one of two copies of an update delivered at the same time', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    const outcomes = await Promise.all([
      store.addCustomerMessage(customerSays(ticket.id, 'update:1'), aPost('post:a')),
      store.addCustomerMessage(customerSays(ticket.id, 'update:1'), aPost('post:b')),
    ]);
    expect(outcomes.sort()).toEqual(['added', 'duplicate']);
    expect(await messages(ticket.id)).toHaveLength(2);
    expect(await outbox()).toHaveLength(1);
  });

  it('tells a message for a resolved ticket as closed and one for no ticket as missing, writing nothing', async () => {
    const ticket = await resolved();
    const before = await outboxKeys();
    expect(await store.addCustomerMessage(customerSays(ticket.id, 'update:late', 20), aPost('post:late'))).toBe(
      'closed',
    );
    expect(
      await store.addStaffMessage(staffSays(ticket.id, 'slack:late', ana, 20), reply('late'), [aPost('post:late')]),
    ).toBe('closed');
    expect(await store.addCustomerMessage(customerSays('no-such-ticket', 'update:x'), aPost('post:x'))).toBe('missing');
    expect(await store.addStaffMessage(staffSays('no-such-ticket', 'slack:x', ana), null, [aPost('post:x')])).toBe(
      'missing',
    );
    expect(await messages(ticket.id)).toHaveLength(1);
    expect(await outboxKeys()).toEqual(before);
  });

  it("sends a staff reply to the ticket's chat, counts it as the first response and assigns the ticket to the one who replied", async () => {
    const ticket = await anOpenTicket(db, store, customer);
    expect(
      await store.addStaffMessage(staffSays(ticket.id, 'slack:1', ana, 3), reply('We are on it'), [aPost('post:1')]),
    ).toBe('added');
    expect(await store.find(ticket.id)).toMatchObject({
      status: 'taken',
      assignee: ana,
      takenAt: later(3),
      firstResponseAt: later(3),
    });
    const [message] = (await messages(ticket.id)).filter((row) => row.author === 'staff');
    expect(message).toMatchObject({ authorId: ana.id, authorName: ana.name, text: 'slack:1', createdAt: later(3) });
    const rows = await outbox();
    expect(rows.map((row) => [row.channel, row.address, row.memberId, row.ticketId, row.dedupeKey])).toEqual([
      ['desk', ticket.id, null, ticket.id, 'post:1'],
      ['telegram', customer.address, customer.memberId, ticket.id, 'reply:We are on it'],
    ]);
    expect(JSON.parse(rows[1]!.payload)).toEqual([{ text: 'We are on it' }]);
  });

  it('keeps the first response and the assignee when someone else replies later', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await store.addStaffMessage(staffSays(ticket.id, 'slack:1', ana, 3), reply('first'), []);
    await store.addStaffMessage(staffSays(ticket.id, 'slack:2', bogdan, 5), reply('second'), []);
    expect(await store.find(ticket.id)).toMatchObject({
      status: 'taken',
      assignee: ana,
      takenAt: later(3),
      firstResponseAt: later(3),
    });
    expect(await outboxKeys()).toEqual(['reply:first', 'reply:second']);
  });

  it('keeps a note among staff: no first response, no assignee, nothing to the customer', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    expect(
      await store.addStaffMessage(noteBy(ticket.id, 'slack:note', ana), reply('never sent'), [aPost('post:note')]),
    ).toBe('added');
    expect(await store.find(ticket.id)).toMatchObject({ status: 'open', assignee: null, firstResponseAt: null });
    expect((await messages(ticket.id)).map((row) => row.author)).toEqual(['customer', 'note']);
    expect(await outbox()).toMatchObject([
      { channel: 'desk', address: ticket.id, ticketId: ticket.id, dedupeKey: 'post:note' },
    ]);
  });

  it('sends a staff reply delivered twice once', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await store.addStaffMessage(staffSays(ticket.id, 'slack:1', ana), reply('once'), [aPost('post:1')]);
    expect(await store.addStaffMessage(staffSays(ticket.id, 'slack:1', ana), reply('twice'), [aPost('post:2')])).toBe(
      'duplicate',
    );
    expect(await outboxKeys()).toEqual(['post:1', 'reply:once']);
  });

  it('gives a ticket to the first who takes it; the second learns who has it', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    const first = await store.take(ticket.id, ana, later(2), [aPost('taken:ana')]);
    expect(first).toMatchObject({ taken: true, ticket: { status: 'taken', assignee: ana, takenAt: later(2) } });
    const second = await store.take(ticket.id, bogdan, later(3), [aPost('taken:bogdan')]);
    expect(second).toEqual({ taken: false, ticket: first!.ticket });
    expect(await outbox()).toMatchObject([
      { channel: 'desk', address: ticket.id, ticketId: ticket.id, dedupeKey: 'taken:ana' },
    ]);
  });

  it('gives a ticket to one of two people who take it at the same time', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    const outcomes = await Promise.all([
      store.take(ticket.id, ana, later(2), [aPost('taken:ana')]),
      store.take(ticket.id, bogdan, later(2), [aPost('taken:bogdan')]),
    ]);
    const winner = outcomes.find((outcome) => outcome!.taken)!;
    expect(outcomes.filter((outcome) => outcome!.taken)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome!.ticket.assignee)).toEqual([
      winner.ticket.assignee,
      winner.ticket.assignee,
    ]);
    expect(await outbox()).toHaveLength(1);
  });

  it('finds no ticket to take, resolve or view when there is none', async () => {
    expect(await store.take('no-such-ticket', ana, later(1), [aPost('x')])).toBeNull();
    expect(await store.resolve('no-such-ticket', ana, later(1), [aPost('x')], reply('x'))).toBeNull();
    expect(await store.view('no-such-ticket', 3)).toBeNull();
    expect(await store.find('no-such-ticket')).toBeNull();
    expect(await outbox()).toEqual([]);
  });

  it('resolves an untaken ticket in the name of whoever resolved it, telling staff and the customer', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    const outcome = await store.resolve(ticket.id, ana, later(10), [aPost('resolved')], reply('Solved, rate us'));
    expect(outcome).toMatchObject({
      resolved: true,
      ticket: { status: 'resolved', resolvedAt: later(10), assignee: ana, takenAt: later(10) },
    });
    expect(await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      resolvedById: ana.id,
    });
    expect(
      (await outbox()).map((row) => [row.channel, row.address, row.memberId, row.ticketId, row.dedupeKey]),
    ).toEqual([
      ['telegram', customer.address, customer.memberId, ticket.id, 'reply:Solved, rate us'],
      ['desk', ticket.id, null, ticket.id, 'resolved'],
    ]);
  });

  it('keeps the assignee of a taken ticket that someone else resolves, and resolves it once', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await store.take(ticket.id, ana, later(2), []);
    const first = await store.resolve(ticket.id, bogdan, later(10), [aPost('resolved')], reply('done'));
    expect(first).toMatchObject({ resolved: true, ticket: { assignee: ana, takenAt: later(2) } });
    const second = await store.resolve(ticket.id, ana, later(11), [aPost('resolved again')], reply('done again'));
    expect(second).toEqual({ resolved: false, ticket: first!.ticket });
    expect(await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      resolvedById: bogdan.id,
    });
    expect(await outboxKeys()).toEqual(['reply:done', 'resolved']);
  });

  it('takes the first rating of a resolved ticket only', async () => {
    const ticket = await resolved();
    expect(await store.rate(ticket.id, customer.memberId, 5, later(20), [aPost('rated:5')])).toBe('rated');
    expect(await store.rate(ticket.id, customer.memberId, 1, later(21), [aPost('rated:1')])).toBe('already-rated');
    expect(await store.find(ticket.id)).toMatchObject({ rating: 5 });
    expect(await db.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      ratedAt: later(20),
    });
    expect((await outboxKeys()).filter((key) => key.startsWith('rated'))).toEqual(['rated:5']);
  });

  it("takes no rating for a ticket that is not resolved, not the member's, or not there", async () => {
    const open = await anOpenTicket(db, store, customer);
    const done = await resolved();
    expect(await store.rate(open.id, customer.memberId, 4, later(20), [aPost('a')])).toBe('not-resolved');
    expect(await store.rate(done.id, 'someone-else', 4, later(20), [aPost('b')])).toBe('not-resolved');
    expect(await store.rate('no-such-ticket', customer.memberId, 4, later(20), [aPost('c')])).toBe('not-resolved');
    expect(await store.find(done.id)).toMatchObject({ rating: null });
    expect(await outboxKeys()).not.toContain('a');
  });

  it('refuses a rating that is not a whole number from 1 to 5', async () => {
    const ticket = await resolved();
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      await expect(store.rate(ticket.id, customer.memberId, rating, later(20), [])).rejects.toThrow(RangeError);
    }
    expect(await store.find(ticket.id)).toMatchObject({ rating: null });
  });

  it('keeps the first comment on a rating, from the member who rated', async () => {
    const ticket = await resolved();
    expect(await store.comment(ticket.id, customer.memberId, 'before rating', [aPost('early')])).toBe(false);
    await store.rate(ticket.id, customer.memberId, 2, later(20), []);
    expect(await store.comment(ticket.id, 'someone-else', 'not mine', [aPost('stranger')])).toBe(false);
    expect(await store.comment(ticket.id, customer.memberId, 'Too slow', [aPost('comment')])).toBe(true);
    expect(await store.comment(ticket.id, customer.memberId, 'Again', [aPost('comment again')])).toBe(false);
    expect(await store.find(ticket.id)).toMatchObject({ rating: 2, ratingComment: 'Too slow' });
    expect((await outboxKeys()).filter((key) => !key.startsWith('reply'))).toEqual(['comment']);
  });

  it('lists untaken tickets whose re-announcement is due, oldest first', async () => {
    const other = await aCustomer(db);
    const older = await anOpenTicket(db, store, other, { openedAt: later(-30), nextAnnounceAt: later(5) });
    const due = await anOpenTicket(db, store, customer, { nextAnnounceAt: later(10) });
    await anOpenTicket(db, store, await aCustomer(db), { nextAnnounceAt: later(60) });
    await anOpenTicket(db, store, await aCustomer(db), { nextAnnounceAt: null });
    const taken = await anOpenTicket(db, store, await aCustomer(db), { nextAnnounceAt: later(1) });
    await store.take(taken.id, ana, later(2), []);
    expect((await store.dueAnnouncements(later(10), 10)).map((ticket) => ticket.id)).toEqual([older.id, due.id]);
    expect((await store.dueAnnouncements(later(10), 1)).map((ticket) => ticket.id)).toEqual([older.id]);
  });

  it('re-announces a ticket once per count seen, and not once it is taken', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    expect(await store.announce(ticket.id, 0, later(30), aPost('announce:1'))).toBe(true);
    expect(await store.announce(ticket.id, 0, later(45), aPost('announce:stale'))).toBe(false);
    expect(await store.find(ticket.id)).toMatchObject({ announcements: 1, nextAnnounceAt: later(30) });
    await store.take(ticket.id, ana, later(31), []);
    expect(await store.announce(ticket.id, 1, null, aPost('announce:2'))).toBe(false);
    expect(await outbox()).toMatchObject([
      { channel: 'desk', address: ticket.id, ticketId: ticket.id, dedupeKey: 'announce:1' },
    ]);
  });

  it('posts to a thread once per dedupe key', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await store.postToThread(ticket.id, aPost('failed:1'));
    await store.postToThread(ticket.id, { dedupeKey: 'failed:1', post: { kind: 'thread', text: 'again' } });
    expect(
      (await outbox()).map((row) => [row.channel, row.address, row.ticketId, JSON.parse(row.payload).text]),
    ).toEqual([['desk', ticket.id, ticket.id, 'failed:1']]);
  });

  it('keeps where the desk shows the ticket once it is set, as it was given, and finds the ticket by it', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    expect(ticket.deskRef).toBeNull();
    expect(await store.findByDeskRef('C-DESK:1700000000.000100')).toBeNull();
    await store.setDeskRef(ticket.id, 'C-DESK:1700000000.000100');
    expect(await store.findByDeskRef('C-DESK:1700000000.000100')).toMatchObject({
      id: ticket.id,
      deskRef: 'C-DESK:1700000000.000100',
    });
  });

  it('lists unresolved tickets oldest first', async () => {
    const newer = await anOpenTicket(db, store, customer, { openedAt: later(5) });
    const older = await anOpenTicket(db, store, await aCustomer(db), { openedAt: later(-5) });
    const taken = await anOpenTicket(db, store, await aCustomer(db), { openedAt: later(1) });
    await store.take(taken.id, ana, later(6), []);
    const done = await anOpenTicket(db, store, await aCustomer(db), { openedAt: later(-10) });
    await store.resolve(done.id, ana, later(7), [], reply('done'));
    expect((await store.unresolved(10)).map((ticket) => ticket.id)).toEqual([older.id, taken.id, newer.id]);
    expect((await store.unresolved(2)).map((ticket) => ticket.id)).toEqual([older.id, taken.id]);
    const names = await db.prisma.member.findMany({
      where: { id: { in: [older.memberId, taken.memberId] } },
      select: { id: true, name: true },
    });
    const nameOf = (memberId: string) => names.find((member) => member.id === memberId)!.name;
    expect((await store.unresolved(2)).map((ticket) => ticket.memberName)).toEqual([
      nameOf(older.memberId),
      nameOf(taken.memberId),
    ]);
  });

  it('shows staff the member, their last purchases newest first and whether their chat is reachable', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await aPurchase(db, customer.memberId, { amount: 10_000, createdAt: later(-300) });
    await aPurchase(db, customer.memberId, { amount: 20_000, createdAt: later(-200), refundedAt: later(-100) });
    await aPurchase(db, customer.memberId, { amount: 30_000, createdAt: later(-50) });
    const view = await store.view(ticket.id, 2);
    expect(view).toMatchObject({
      ticket: { id: ticket.id },
      member: { id: customer.memberId, name: 'Anna' },
      chatUnreachable: false,
    });
    expect(view!.lastPurchases).toEqual([
      { amount: 30_000, earnedPoints: 300, redeemedPoints: 0, refunded: false, createdAt: later(-50) },
      { amount: 20_000, earnedPoints: 200, redeemedPoints: 0, refunded: true, createdAt: later(-200) },
    ]);
    await db.prisma.chat.update({ where: { id: customer.chatId }, data: { unreachableAt: later(1) } });
    expect(await store.view(ticket.id, 2)).toMatchObject({ chatUnreachable: true });
  });

  it('does not report a chat that is gone as unreachable', async () => {
    const ticket = await anOpenTicket(db, store, customer);
    await db.prisma.chat.delete({ where: { id: customer.chatId } });
    expect(await store.view(ticket.id, 3)).toMatchObject({ chatUnreachable: false, lastPurchases: [] });
  });

  it('finds a member by card number or phone', async () => {
    const member = await db.prisma.member.findUniqueOrThrow({ where: { id: customer.memberId } });
    expect(await store.findMember({ cardNumber: member.cardNumber })).toMatchObject({ id: member.id });
    expect(await store.findMember({ phone: member.phone! })).toMatchObject({ id: member.id });
    expect(await store.findMember({ cardNumber: '000' })).toBeNull();
  });
});
