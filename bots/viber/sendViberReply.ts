import type { Outbound } from '../../core/outbound.ts';
import { renderViberReply, type PublishImage } from './renderViberReply.ts';
import type { ViberCall } from './viberApi.ts';

/** Who the messages come from: Viber wants the sender's name (at most 28 characters) on every message. */
export interface ViberSenderIdentity {
  name: string;
  avatar?: string;
}

export interface ViberSendDeps {
  call: ViberCall;
  sender: ViberSenderIdentity;
  publish: PublishImage;
}

/**
 * Sends one neutral reply to one person: the turn's answers and the outbox
 * both come through here, so a message looks the same whichever path sends
 * it. Resolves to the token of the reply's first message, which Viber's
 * delivery receipts name.
 */
export async function sendViberReply(
  deps: ViberSendDeps,
  receiver: string,
  reply: Outbound,
): Promise<string | undefined> {
  let first: string | undefined;
  for (const message of await renderViberReply(reply, deps.publish)) {
    const answer = await deps.call('send_message', { receiver, sender: deps.sender, ...message });
    first ??= answer.message_token;
  }
  return first;
}
