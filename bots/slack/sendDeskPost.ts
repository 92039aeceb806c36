import type { PhotoSource } from '../../core/desk/deskPorts.ts';
import type { WebClient } from '@slack/web-api';
import type { DeskPost } from '../../core/desk/deskPost.ts';
import type { StaffDesk } from '../../core/desk/staffDesk.ts';
import type { Channel } from '../../core/inbound.ts';
import { delivered, type Sender, type SendResult } from '../../core/outbox/sender.ts';
import { renderCard, renderThreadText } from './renderDeskPost.ts';
import { slackSendResult } from './slackSendResult.ts';
import { parseSlackDeskRef, slackDeskRef, type SlackThread } from './slackDeskRef.ts';
import type { Logger } from '../../core/logger.ts';

export interface DeskSenderDeps {
  client: WebClient;
  desk: StaffDesk;
  staffChannel: string;
  photos: Partial<Record<Channel, PhotoSource>>;
  log: Logger;
}

const waitForTicketMessage: SendResult = {
  kind: 'transient',
  reason: 'the ticket’s message is not in the staff channel yet',
};

/**
 * The outbox's sender for the staff channel. A ticket's posts arrive in
 * order (their address is the ticket); a thread post that comes before the
 * ticket's message has its ts waits and is retried.
 */
export function createDeskSender(deps: DeskSenderDeps): Sender<DeskPost> {
  return async (ticketId, post) => {
    try {
      return post.kind === 'thread'
        ? await sendToThread(deps, ticketId, post)
        : await showTicket(deps, ticketId, post.kind);
    } catch (error) {
      return slackSendResult(error);
    }
  };
}

/** The ticket's message, composed as the ticket is now: posted once, then updated. */
async function showTicket(deps: DeskSenderDeps, ticketId: string, kind: 'ticket' | 'refresh'): Promise<SendResult> {
  const current = await deps.desk.card(ticketId);
  if (!current) return gone(ticketId);
  const message = renderCard(current.card);
  const thread = parseSlackDeskRef(current.deskRef);
  if (thread) return update(deps, thread, message);
  // A refresh waits for the message it refreshes; a ticket posted before (a retry after a lost answer) was updated above instead of posted twice.
  if (kind === 'refresh') return waitForTicketMessage;
  const posted = await deps.client.chat.postMessage({ channel: deps.staffChannel, ...message, unfurl_links: false });
  await deps.desk.setDeskRef(ticketId, slackDeskRef({ channel: posted.channel ?? deps.staffChannel, ts: posted.ts! }));
  return delivered;
}

/** A thread post needs only where the thread is, not the ticket's whole message. */
async function sendToThread(
  deps: DeskSenderDeps,
  ticketId: string,
  post: Extract<DeskPost, { kind: 'thread' }>,
): Promise<SendResult> {
  const current = await deps.desk.deskRefOf(ticketId);
  if (!current) return gone(ticketId);
  const thread = parseSlackDeskRef(current.deskRef);
  return thread ? postInThread(deps, thread, post) : waitForTicketMessage;
}

function gone(ticketId: string): SendResult {
  return { kind: 'rejected', reason: `ticket ${ticketId} no longer exists` };
}

async function update(
  deps: DeskSenderDeps,
  slack: SlackThread,
  message: ReturnType<typeof renderCard>,
): Promise<SendResult> {
  await deps.client.chat.update({ channel: slack.channel, ts: slack.ts, ...message });
  return delivered;
}

async function postInThread(
  deps: DeskSenderDeps,
  slack: SlackThread,
  post: Extract<DeskPost, { kind: 'thread' }>,
): Promise<SendResult> {
  const text = renderThreadText(post);
  const source = post.photo && deps.photos[post.photo.channel];
  if (post.photo && source) {
    const bytes = await fetchPhoto(source, post.photo.fileId, deps.log);
    if (bytes) {
      await deps.client.filesUploadV2({
        channel_id: slack.channel,
        thread_ts: slack.ts,
        file: Buffer.from(bytes),
        filename: 'photo.jpg',
        initial_comment: text,
      });
      return delivered;
    }
  }
  await deps.client.chat.postMessage({
    channel: slack.channel,
    thread_ts: slack.ts,
    text,
    unfurl_links: false,
    reply_broadcast: post.broadcast === true,
  });
  return delivered;
}

/**
 * A photo the customer's platform will not give us is announced as text
 * rather than blocking the ticket's thread (its posts wait for each other).
 */
async function fetchPhoto(source: PhotoSource, fileId: string, log: Logger): Promise<Uint8Array | null> {
  try {
    return await source(fileId);
  } catch (error) {
    log.warn({ err: error, fileId }, 'desk: could not fetch a customer’s photo; posting the text without it');
    return null;
  }
}
