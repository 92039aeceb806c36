import type { Outbound } from '../outbound.ts';

/**
 * What the platform made of one send. Each kind is handled differently, so a
 * sender must tell them apart instead of throwing:
 * - `delivered`: the platform accepted the message (`platformId`: its id there,
 *   when delivery receipts will name it);
 * - `retryAfter`: flood control (Telegram's 429) — wait exactly that long;
 * - `transient`: a 5xx or the network failed — try again later, backing off;
 * - `unreachable`: the person blocked us or is gone — stop writing to them;
 * - `rejected`: the platform refused this message for good (another 4xx);
 * - `unauthorized`: the platform refused our credentials (a wrong or revoked
 *   token) — no message on the channel can go until the deployment is fixed,
 *   so the lane stops and every message waits, none is failed.
 */
export type SendResult =
  | { kind: 'delivered'; platformId?: string }
  | { kind: 'retryAfter'; seconds: number; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unauthorized'; reason: string };

/**
 * A channel's way to send one neutral message to one address. Adapters
 * implement it in a few lines; the dispatcher owns rate limits and retries.
 */
export type Sender<Message = Outbound> = (address: string, message: Message) => Promise<SendResult>;

/**
 * A channel's way to send one message to many addresses in one call (Viber's
 * `broadcast_message`): one result per address, in the order given. A
 * refusal of the whole call (flood control, a bad token, the network) is
 * every address's result.
 */
export type BatchSender<Message = Outbound> = (addresses: readonly string[], message: Message) => Promise<SendResult[]>;

export const delivered: SendResult = { kind: 'delivered' };
