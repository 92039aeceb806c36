// Viber's callbacks as its servers send them: JSON whose message_tokens are
// 64-bit integers written as bare numbers, signed with the bot's auth token.
import { signViberBody } from '../../bots/viber/verifyViberSignature.ts';

/** A callback field: bigints are written as bare integers, exactly, the way Viber writes its tokens. */
export type WireValue =
  string | number | boolean | bigint | null | WireValue[] | { [key: string]: WireValue | undefined };

/** JSON with bigints as bare integer literals (JSON.stringify refuses them). */
export function toWireJson(value: WireValue): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `@@big:${v}` : v)).replace(
    /"@@big:(-?\d+)"/g,
    '$1',
  );
}

/** The first token Viber's documentation shows; the next ones differ only beyond double precision. */
export const FIRST_TOKEN = 4912661846655238145n;

export type ViberProfile = {
  id: string;
  name: string;
  language: string;
  country?: string;
  api_version: number;
};

export function messageCallback(sender: ViberProfile, token: bigint, message: Record<string, WireValue>) {
  return {
    event: 'message',
    timestamp: Date.now(),
    chat_hostname: 'SN-CHAT-05_',
    message_token: token,
    sender,
    message,
  };
}

export function conversationStarted(user: ViberProfile, token: bigint, context?: string, subscribed = false) {
  return {
    event: 'conversation_started',
    timestamp: Date.now(),
    chat_hostname: 'SN-CHAT-05_',
    message_token: token,
    type: 'open',
    ...(context !== undefined && { context }),
    user,
    subscribed,
  };
}

export function receiptCallback(event: 'delivered' | 'seen' | 'failed', userId: string, token: bigint, desc?: string) {
  return {
    event,
    timestamp: Date.now(),
    chat_hostname: 'SN-CHAT-05_',
    message_token: token,
    user_id: userId,
    ...(desc && { desc }),
  };
}

/** POSTs a callback the way Viber does; `signature: null` leaves the header out. */
export function postCallback(
  url: string,
  body: string,
  authToken: string,
  options: { signature?: string | null } = {},
): Promise<Response> {
  const signature = options.signature === undefined ? signViberBody(body, authToken) : options.signature;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== null && { 'X-Viber-Content-Signature': signature }),
    },
    body,
  });
}
