// The desk inbox through the REST API, without Slack: tickets listed, read,
// answered, taken and resolved as a Slack thread would, on SQLite and
// PostgreSQL. Customers write from Telegram through the assistant; what the
// desk sends them is read back from the outbox.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { payload } from '../../core/payloads.ts';
import { parseReplies } from '../../core/storage/conversation/storedReplies.ts';
import type { Outbound } from '../../core/outbound.ts';
import { customerOn, register, tr, type Customer } from '../core/desk/support/deskWorld.ts';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const start = new Date('2026-03-10T08:00:00Z');

describeEachProvider('the desk inbox through the REST API', (provider) => {
  let api: ApiTestApp;
  let now: Date;
  let joined = 0;

  beforeEach(async () => {
    now = start;
    api = await startApiTestApp(provider, { STAFF_LOCALE: 'en', DESK_EXPECTED_WAIT_MINUTES: '5' }, () => now);
  });

  afterEach(async () => {
    await api.stop();
  });

  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  async function customer(locale: 'ru' | 'ro' | 'en' = 'ro', name = 'Ana'): Promise<Customer> {
    joined += 1;
    const who = customerOn(api.app.assistant, {
      address: `7${String(joined).padStart(4, '0')}`,
      name,
      phone: `0691110${String(joined).padStart(2, '0')}`,
      locale,
    });
    await register(who);
    return who;
  }

  /** Asks for a person and returns the ticket's id and what the bot answered. */
  async function opensTicket(who: Customer, text = 'The coffee was cold'): Promise<{ id: string; answer: string }> {
    const [answer] = await who.commands('human');
    await who.says(text);
    const ticket = await api.app.db.prisma.ticket.findFirstOrThrow({
      where: { address: who.address },
      orderBy: { openedAt: 'desc' },
    });
    return { id: ticket.id, answer: answer!.text };
  }

  /** What the outbox holds for the customer's chat, oldest first. */
  async function sentTo(who: Customer): Promise<Outbound[]> {
    const rows = await api.app.db.prisma.outboxMessage.findMany({
      where: { channel: 'telegram', address: who.address },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.flatMap((row) => parseReplies(row.payload) ?? []);
  }

  const conversation = async (id: string) => (await api.call<Json>('GET', `/api/v1/tickets/${id}`)).body;

  it('lists open tickets oldest first with how long each has waited, page by page', async () => {
    const first = await opensTicket(await customer('ro', 'Ana'));
    advance(3);
    const second = await opensTicket(await customer('ru', 'Boris'));
    advance(2);

    const page = await api.call<Json>('GET', '/api/v1/tickets?status=open&limit=1');
    expect(page.status).toBe(200);
    expect(page.body.tickets).toHaveLength(1);
    expect(page.body.tickets[0]).toMatchObject({
      id: first.id,
      status: 'open',
      member: { name: 'Ana' },
      waitedSeconds: 300,
    });
    const next = await api.call<Json>('GET', `/api/v1/tickets?status=open&limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.tickets.map((t: Json) => [t.id, t.waitedSeconds])).toEqual([[second.id, 120]]);
    expect(next.body.nextCursor).toBeNull();
    expect((await api.call<Json>('GET', '/api/v1/tickets?status=taken')).body.tickets).toEqual([]);
  });

  it('refuses a cursor it did not give, naming the field', async () => {
    const response = await api.call<Json>('GET', '/api/v1/tickets?status=open&cursor=bm9wZQ');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ location: 'query', pointer: '/cursor' })]);
  });

  it('answers the customer in their language, through the outbox, and the reply takes the ticket', async () => {
    const ana = await customer('ro');
    const { id } = await opensTicket(ana);
    advance(1);
    const reply = await api.call<Json>('POST', `/api/v1/tickets/${id}/replies`, {
      body: { text: 'Ne pare rău! Cafeaua următoare e din partea casei.', note: false },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.ticket).toMatchObject({ status: 'taken', assignee: { id: 'admin' } });
    expect(reply.body.ticket.firstResponseAt).not.toBeNull();
    // No person stands behind the admin token: the customer reads "our team", in Romanian.
    expect((await sentTo(ana)).map((m) => m.text)).toContain(
      tr('ro')('desk.staffReplyAnonymous', { text: 'Ne pare rău! Cafeaua următoare e din partea casei.' }),
    );
    expect(reply.body.messages.map((m: Json) => [m.author, m.text])).toEqual([
      ['customer', 'The coffee was cold'],
      ['staff', 'Ne pare rău! Cafeaua următoare e din partea casei.'],
    ]);
  });

  it('keeps notes internal, whether flagged or written "note:" as in Slack', async () => {
    const ana = await customer('ro');
    const { id } = await opensTicket(ana);
    const before = (await sentTo(ana)).length;
    advance(1);
    await api.call('POST', `/api/v1/tickets/${id}/replies`, {
      body: { text: 'Regular customer, be generous', note: true },
    });
    advance(1);
    await api.call('POST', `/api/v1/tickets/${id}/replies`, { body: { text: 'note: she called yesterday' } });
    expect((await sentTo(ana)).length).toBe(before);
    const { ticket, messages } = await conversation(id);
    expect(messages.map((m: Json) => [m.author, m.text])).toEqual([
      ['customer', 'The coffee was cold'],
      ['note', 'Regular customer, be generous'],
      ['note', 'she called yesterday'],
    ]);
    // A note is no answer: the ticket still waits for one.
    expect(ticket).toMatchObject({ status: 'open', firstResponseAt: null });
  });

  it('takes a ticket (the customer learns a person has it) and resolves it with a rating prompt', async () => {
    const ana = await customer('ro');
    const { id } = await opensTicket(ana);
    const take = await api.call<Json>('POST', `/api/v1/tickets/${id}/take`);
    expect(take.status).toBe(200);
    expect(take.body.ticket).toMatchObject({ status: 'taken', assignee: { id: 'admin' } });
    expect((await api.call('POST', `/api/v1/tickets/${id}/take`)).status).toBe(200);
    advance(7);
    const resolve = await api.call<Json>('POST', `/api/v1/tickets/${id}/resolve`);
    expect(resolve.status).toBe(200);
    expect(resolve.body.ticket).toMatchObject({ status: 'resolved', waitedSeconds: 420 });
    const sent = await sentTo(ana);
    expect(sent.filter((m) => m.text === tr('ro')('desk.takenAnonymous'))).toHaveLength(1);
    const prompt = sent.find((m) => m.text === tr('ro')('desk.resolved'));
    expect(prompt?.buttons?.flat().map((b) => b.payload)).toEqual([1, 2, 3, 4, 5].map((n) => payload.rate(id, n)));

    await ana.presses(payload.rate(id, 5));
    expect((await conversation(id)).ticket.rating).toBe(5);
  });

  it('refuses a second Resolve and a reply to a resolved ticket, but keeps a note on it', async () => {
    const ana = await customer('ro');
    const { id } = await opensTicket(ana);
    await api.call('POST', `/api/v1/tickets/${id}/resolve`);
    const again = await api.call<Json>('POST', `/api/v1/tickets/${id}/resolve`);
    expect([again.status, again.body.type]).toEqual([409, '/api/problems/ticket-resolved']);
    const reply = await api.call<Json>('POST', `/api/v1/tickets/${id}/replies`, { body: { text: 'Hello?' } });
    expect([reply.status, reply.body.type]).toEqual([409, '/api/problems/ticket-resolved']);
    const note = await api.call<Json>('POST', `/api/v1/tickets/${id}/replies`, {
      body: { text: 'Closed on the phone', note: true },
    });
    expect(note.status).toBe(201);
    expect((await sentTo(ana)).map((m) => m.text)).not.toContain(
      tr('ro')('desk.staffReplyAnonymous', { text: 'Hello?' }),
    );
  });

  it('audits replies, notes, takes and resolves with the credential, never the words', async () => {
    const { id } = await opensTicket(await customer('ro'));
    // A minute between steps, so the log's newest-first order is theirs.
    await api.call('POST', `/api/v1/tickets/${id}/replies`, { body: { text: 'A secret remedy', note: true } });
    advance(1);
    await api.call('POST', `/api/v1/tickets/${id}/take`);
    advance(1);
    await api.call('POST', `/api/v1/tickets/${id}/replies`, { body: { text: 'Sorry about that' } });
    advance(1);
    await api.call('POST', `/api/v1/tickets/${id}/resolve`);
    const audit = await api.call<Json>('GET', `/api/v1/audit?subject=ticket:${id}`);
    expect(audit.body.entries.map((e: Json) => [e.actor, e.action]).reverse()).toEqual([
      ['admin', 'ticket.noted'],
      ['admin', 'ticket.taken'],
      ['admin', 'ticket.replied'],
      ['admin', 'ticket.resolved'],
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('secret remedy');
  });

  it('answers 404 for a ticket that does not exist, and refuses API keys', async () => {
    const missing = await api.call<Json>('POST', '/api/v1/tickets/nope/take');
    expect([missing.status, missing.body.type]).toEqual([404, '/api/problems/ticket-not-found']);
    const { key } = await api.newApiKey('Till', ['till']);
    expect((await api.call('GET', '/api/v1/tickets?status=open', { token: key })).status).toBe(403);
  });

  it('tells a poll the tickets that changed since the last one, so new ones appear without a reload', async () => {
    const first = await opensTicket(await customer('ro', 'Ana'));
    const empty = await api.call<Json>('GET', '/api/v1/tickets/events');
    expect(empty.body).toMatchObject({ tickets: [], more: false });
    advance(10);
    const poll = await api.call<Json>('GET', `/api/v1/tickets/events?since=${empty.body.next}`);
    expect(poll.body.tickets.map((t: Json) => t.id)).toEqual([first.id]);

    advance(10);
    const quiet = await api.call<Json>('GET', `/api/v1/tickets/events?since=${poll.body.next}`);
    expect(quiet.body.tickets).toEqual([]);
    const second = await opensTicket(await customer('ru', 'Boris'));
    advance(1);
    const fresh = await api.call<Json>('GET', `/api/v1/tickets/events?since=${quiet.body.next}`);
    expect(fresh.body.tickets.map((t: Json) => [t.id, t.status])).toEqual([[second.id, 'open']]);

    // A change to an old ticket (a reply) brings it back, as it is now.
    await api.call('POST', `/api/v1/tickets/${first.id}/replies`, { body: { text: 'On it' } });
    advance(1);
    const changed = await api.call<Json>('GET', `/api/v1/tickets/events?since=${fresh.body.next}`);
    expect(changed.body.tickets.map((t: Json) => [t.id, t.status])).toEqual([[first.id, 'taken']]);
  });

  it('promises a waiting time only once someone works the inbox, and for a day after', async () => {
    const ro = tr('ro');
    expect((await opensTicket(await customer('ro'))).answer).toBe(ro('desk.recorded.button'));
    await api.call('GET', '/api/v1/tickets?status=open');
    expect((await opensTicket(await customer('ro'))).answer).toBe(ro('desk.opened.button', { count: 5 }));
    advance(24 * 60 + 1);
    expect((await opensTicket(await customer('ro'))).answer).toBe(ro('desk.recorded.button'));
  });
});
