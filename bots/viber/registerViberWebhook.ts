import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Assistant } from '../../core/assistant.ts';
import type { Inbound } from '../../core/inbound.ts';
import type { Logger } from '../../core/logger.ts';
import type { Outbound } from '../../core/outbound.ts';
import type { DeliveryReceipts } from '../../core/outbox/outboxPorts.ts';
import { inOrderPerKey } from './inOrderPerKey.ts';
import { parseExactJson } from './parseExactJson.ts';
import { parseViberEvent, viberCallbackSchema, type ViberEvent } from './parseViberEvent.ts';
import { renderViberReply } from './renderViberReply.ts';
import { sendViberReply, type ViberSendDeps } from './sendViberReply.ts';
import { verifyViberSignature } from './verifyViberSignature.ts';

export const VIBER_WEBHOOK_PATH = '/viber/webhook';

export interface ViberWebhookDeps {
  authToken: string;
  assistant: Assistant;
  send: ViberSendDeps;
  receipts: DeliveryReceipts;
  log: Logger;
}

/**
 * `POST /viber/webhook`. The signature is checked on the raw bytes before
 * anything reads them: a missing or wrong one gets 401 and changes nothing.
 * A signed body that is no callback we know is acknowledged and dropped
 * with a warning (a 5xx would only make Viber send it again). Only the
 * answer to `conversation_started` travels in the response body; every
 * other answer is sent with `send_message`.
 */
export async function registerViberWebhook(server: FastifyInstance, deps: ViberWebhookDeps): Promise<void> {
  const inOrder = inOrderPerKey();
  // A scope of its own: only this route keeps the body as raw bytes.
  await server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(VIBER_WEBHOOK_PATH, (request, reply) => receive(request, reply, deps, inOrder));
  });
}

type InOrder = ReturnType<typeof inOrderPerKey>;

async function receive(request: FastifyRequest, reply: FastifyReply, deps: ViberWebhookDeps, inOrder: InOrder) {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const signature = request.headers['x-viber-content-signature'];
  if (!verifyViberSignature(raw, typeof signature === 'string' ? signature : undefined, deps.authToken)) {
    deps.log.warn({ url: request.url }, 'viber webhook refused: missing or wrong X-Viber-Content-Signature');
    return reply.code(401).send({ error: 'signature is missing or wrong' });
  }
  const event = readEvent(raw, deps.log);
  if (!event) return reply.code(400).send({ error: 'the body is not JSON' });
  const body = await act(event, deps, inOrder);
  return reply.code(200).send(body ?? {});
}

/** The callback as an event; null when the body is no JSON at all (a signed body that is, is never refused). */
function readEvent(raw: Buffer, log: Logger): ViberEvent | null {
  let json: unknown;
  try {
    json = parseExactJson(raw.toString('utf8'));
  } catch {
    log.warn({}, 'viber webhook refused: the signed body is not JSON');
    return null;
  }
  const checked = viberCallbackSchema.safeParse(json);
  if (checked.success) return parseViberEvent(checked.data);
  // Paths only, never values: a callback carries names and phone numbers.
  const event = typeof (json as { event?: unknown })?.event === 'string' ? (json as { event: string }).event : null;
  log.warn(
    { event, fields: checked.error.issues.map((issue) => issue.path.join('.')) },
    'viber callback dropped: it lacks fields the adapter reads, or is of a kind it does not know',
  );
  return { kind: 'ignored' };
}

async function act(event: ViberEvent, deps: ViberWebhookDeps, inOrder: InOrder): Promise<object | undefined> {
  switch (event.kind) {
    case 'check':
    case 'ignored':
      return undefined;
    case 'inbound':
      await inOrder(event.inbound.address, () => answer(event.inbound, deps));
      return undefined;
    case 'welcome':
      return inOrder(event.inbound.address, () => welcome(event.inbound, deps));
    case 'unsubscribed':
      await deps.assistant.unreachable('viber', event.address);
      return undefined;
    case 'receipt':
      await deps.receipts.record('viber', event.token, event.receipt, event.at, event.address);
      return undefined;
  }
}

async function answer(inbound: Inbound, deps: ViberWebhookDeps): Promise<void> {
  const replies = await deps.assistant.handle(inbound);
  try {
    for (const reply of replies) await sendViberReply(deps.send, inbound.address, reply);
  } catch (error) {
    deps.log.error({ err: error, updateId: inbound.updateId }, 'could not answer a viber message');
    await sendViberReply(deps.send, inbound.address, await deps.assistant.failureReply(inbound)).catch(() => undefined);
  }
}

/**
 * The one message Viber lets a bot send before the person writes: in the
 * response to `conversation_started`, without a receiver. The core's
 * replies to the opening become that one message (their texts together,
 * the last one's buttons).
 */
async function welcome(inbound: Inbound, deps: ViberWebhookDeps): Promise<object | undefined> {
  const replies = await deps.assistant.handle(inbound);
  const merged = mergeReplies(replies);
  if (!merged) return undefined;
  const [message] = await renderViberReply(merged, deps.send.publish);
  return message && { sender: deps.send.sender, ...message };
}

function mergeReplies(replies: Outbound[]): Outbound | null {
  const last = replies.at(-1);
  if (!last) return null;
  const text = replies.map((reply) => reply.text).join('\n\n');
  return {
    text,
    ...(last.buttons && { buttons: last.buttons }),
    ...(last.contactRequest && { contactRequest: last.contactRequest }),
  };
}
