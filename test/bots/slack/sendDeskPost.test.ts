// The outbox's sender for the staff channel, with the real WebClient on the
// local Slack stand-in. The desk behind it is a small in-memory double of our
// own port: only the ticket's card and where its message is.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoSource } from '../../../core/desk/deskPorts.ts';
import { createDeskSender } from '../../../bots/slack/sendDeskPost.ts';
import { parseSlackDeskRef } from '../../../bots/slack/slackDeskRef.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import type { DeskPost } from '../../../core/desk/deskPost.ts';
import type { StaffDesk } from '../../../core/desk/staffDesk.ts';
import type { DeskCard } from '../../../core/desk/ticketCard.ts';
import type { Sender } from '../../../core/outbox/sender.ts';
import { FakeSlackApi } from '../../support/fakeSlackApi.ts';
import { silentLogger } from '../../../core/logger.ts';

const STAFF = 'C0STAFF001';
const TICKET = 'ticket-1';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x0d, 0x0a, 0x2d, 0x2d]);

/** The tickets a desk double knows: their card and, once posted, where their message is. */
class TicketsDouble {
  readonly tickets = new Map<string, { card: DeskCard; deskRef: string | null }>();

  add(ticketId: string, status = 'open'): void {
    this.tickets.set(ticketId, { card: cardFor(ticketId, status), deskRef: null });
  }

  setStatus(ticketId: string, status: string): void {
    this.tickets.get(ticketId)!.card = cardFor(ticketId, status);
  }

  /** Only what the sender uses; anything else it called would fail the test. */
  asStaffDesk(): StaffDesk {
    const port: Pick<StaffDesk, 'card' | 'deskRefOf' | 'setDeskRef'> = {
      card: async (ticketId) => {
        const ticket = this.tickets.get(ticketId);
        return ticket ? { card: ticket.card, deskRef: ticket.deskRef } : null;
      },
      deskRefOf: async (ticketId) => {
        const ticket = this.tickets.get(ticketId);
        return ticket ? { deskRef: ticket.deskRef } : null;
      },
      setDeskRef: async (ticketId, deskRef) => {
        this.tickets.get(ticketId)!.deskRef = deskRef;
      },
    };
    return port as StaffDesk;
  }
}

function cardFor(ticketId: string, status: string): DeskCard {
  return {
    summary: `Ticket ${ticketId} — ${status}`,
    title: `Ticket ${ticketId}`,
    fields: [{ label: 'Status', value: status }],
    quote: 'The coffee was cold',
    notes: [],
    buttons: [{ label: 'Take', payload: deskPayload.take(ticketId) }],
  };
}

const threadPost = (text: string, extra: Partial<Extract<DeskPost, { kind: 'thread' }>> = {}): DeskPost => ({
  kind: 'thread',
  text,
  ...extra,
});

let fake: FakeSlackApi;
let tickets: TicketsDouble;
let send: Sender<DeskPost>;

function senderWith(photos: Partial<Record<'telegram', PhotoSource>> = {}): Sender<DeskPost> {
  const client = new WebClient(fake.token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
  return createDeskSender({ client, desk: tickets.asStaffDesk(), staffChannel: STAFF, photos, log: silentLogger });
}

/** Posts the ticket's message and returns its ts. */
async function postTicket(): Promise<string> {
  expect(await send(TICKET, { kind: 'ticket' })).toEqual({ kind: 'delivered' });
  return parseSlackDeskRef(tickets.tickets.get(TICKET)!.deskRef)!.ts;
}

const topLevel = () => fake.messages(STAFF).filter((message) => message.subtype !== 'thread_broadcast');

beforeEach(async () => {
  fake = await FakeSlackApi.start();
  tickets = new TicketsDouble();
  tickets.add(TICKET);
  send = senderWith();
});

afterEach(async () => {
  await fake.close();
});

describe('the ticket’s message', () => {
  it('is posted once at the top of the staff channel, and its ts is stored', async () => {
    const ts = await postTicket();
    const [message] = topLevel();
    expect(topLevel()).toHaveLength(1);
    expect(message?.ts).toBe(ts);
    expect(tickets.tickets.get(TICKET)?.deskRef).toBe(`${STAFF}:${ts}`);
    expect(JSON.stringify(message?.blocks)).toContain(deskPayload.take(TICKET));
  });

  it('is updated, not posted a second time, when the same post is retried after a lost answer', async () => {
    const ts = await postTicket();
    tickets.setStatus(TICKET, 'taken by Maria');
    expect(await send(TICKET, { kind: 'ticket' })).toEqual({ kind: 'delivered' });
    expect(topLevel()).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.callsTo('chat.update').map((call) => call.args.ts)).toEqual([ts]);
    expect(topLevel()[0]?.text).toBe(`Ticket ${TICKET} — taken by Maria`);
  });

  it('is rejected for a ticket that no longer exists, without calling Slack', async () => {
    expect(await send('ticket-gone', { kind: 'ticket' })).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('ticket-gone'),
    });
    expect(fake.calls).toEqual([]);
  });
});

describe('a refresh of the ticket’s message', () => {
  it('waits (transient) while the ticket’s message is not posted yet', async () => {
    expect(await send(TICKET, { kind: 'refresh' })).toMatchObject({ kind: 'transient' });
    expect(fake.calls).toEqual([]);
  });

  it('shows the ticket as it is now with chat.update once the message exists', async () => {
    const ts = await postTicket();
    tickets.setStatus(TICKET, 'resolved');
    expect(await send(TICKET, { kind: 'refresh' })).toEqual({ kind: 'delivered' });
    expect(fake.callsTo('chat.update')).toHaveLength(1);
    expect(fake.callsTo('chat.update')[0]?.args).toMatchObject({ channel: STAFF, ts });
    expect(topLevel().map((message) => message.text)).toEqual([`Ticket ${TICKET} — resolved`]);
  });
});

describe('a post in the ticket’s thread', () => {
  it('waits (transient) while the ticket’s message is not posted yet', async () => {
    expect(await send(TICKET, threadPost('Anna wrote:', { quote: 'hello' }))).toMatchObject({ kind: 'transient' });
    expect(fake.calls).toEqual([]);
  });

  it('goes into the thread under the ticket’s message once it exists, and stays out of the channel', async () => {
    const ts = await postTicket();
    expect(await send(TICKET, threadPost('Anna wrote:', { quote: 'And no receipt' }))).toEqual({ kind: 'delivered' });
    expect(fake.thread(STAFF, ts).map((post) => post.text)).toEqual(['Anna wrote:\n>And no receipt']);
    expect(fake.messages(STAFF)).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')[1]?.args).toMatchObject({ reply_broadcast: false });
  });

  it('is also shown in the channel and calls everyone there when it is a broadcast', async () => {
    const ts = await postTicket();
    expect(await send(TICKET, threadPost('Nobody has taken this ticket yet', { broadcast: true }))).toEqual({
      kind: 'delivered',
    });
    const [post] = fake.thread(STAFF, ts);
    expect(post).toMatchObject({ subtype: 'thread_broadcast', text: '<!here> Nobody has taken this ticket yet' });
    expect(fake.callsTo('chat.postMessage')[1]?.args).toMatchObject({ reply_broadcast: true });
  });

  it('is rejected for a ticket that no longer exists', async () => {
    expect(await send('ticket-gone', threadPost('Anna wrote:'))).toMatchObject({ kind: 'rejected' });
  });

  it('reports a refusal Slack gives in its answer as rejected', async () => {
    await postTicket();
    fake.failNext('chat.postMessage', 'not_in_channel');
    expect(await send(TICKET, threadPost('Anna wrote:'))).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('not_in_channel'),
    });
  });

  it('reports Slack being down as transient, and posts once it is back', async () => {
    const ts = await postTicket();
    fake.down();
    expect(await send(TICKET, threadPost('Anna wrote:'))).toMatchObject({ kind: 'transient' });
    fake.up();
    expect(await send(TICKET, threadPost('Anna wrote:'))).toEqual({ kind: 'delivered' });
    expect(fake.thread(STAFF, ts)).toHaveLength(1);
  });
});

describe('a photo in the ticket’s thread', () => {
  const photoPost = threadPost('Anna sent a photo', { photo: { channel: 'telegram', fileId: 'AgACAgIAAxkBAAIB' } });

  it('uploads the photo’s bytes into the thread with the text as its comment', async () => {
    const asked: string[] = [];
    send = senderWith({
      telegram: async (fileId) => {
        asked.push(fileId);
        return new Uint8Array(PHOTO);
      },
    });
    const ts = await postTicket();
    expect(await send(TICKET, photoPost)).toEqual({ kind: 'delivered' });
    expect(asked).toEqual(['AgACAgIAAxkBAAIB']);
    const [post] = fake.thread(STAFF, ts);
    expect(post?.text).toBe('Anna sent a photo');
    expect(post?.files).toHaveLength(1);
    expect(fake.uploadedFile(post!.files![0]!.id)?.bytes).toEqual(PHOTO);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts the text instead when the photo cannot be fetched', async () => {
    send = senderWith({
      telegram: async (fileId) => {
        throw new Error(`Telegram answered 404 to the download of file ${fileId}`);
      },
    });
    const ts = await postTicket();
    expect(await send(TICKET, photoPost)).toEqual({ kind: 'delivered' });
    expect(fake.thread(STAFF, ts)).toMatchObject([{ text: 'Anna sent a photo' }]);
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('posts the text when there is no way to fetch photos from the customer’s channel', async () => {
    const ts = await postTicket();
    expect(await send(TICKET, photoPost)).toEqual({ kind: 'delivered' });
    expect(fake.thread(STAFF, ts)).toMatchObject([{ text: 'Anna sent a photo' }]);
  });

  it('waits (transient) for the ticket’s message before fetching the photo', async () => {
    let fetched = 0;
    send = senderWith({
      telegram: async () => {
        fetched += 1;
        return new Uint8Array(PHOTO);
      },
    });
    expect(await send(TICKET, photoPost)).toMatchObject({ kind: 'transient' });
    expect(fetched).toBe(0);
  });
});
