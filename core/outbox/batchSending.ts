import type { Logger } from '../logger.ts';
import type { ClaimedMessage, OutboxPayload } from './outboxPorts.ts';
import type { RateLimits } from './sendGate.ts';
import type { BatchSender, SendResult } from './sender.ts';

/**
 * How a lane sends one campaign message to many of its recipients in one
 * call (Viber's `broadcast_message`), beside its one-by-one sender.
 */
export interface BatchSending<Message = OutboxPayload> {
  sender: BatchSender<Message>;
  /** The platform's limit on such calls, kept apart from the one on single sends. */
  limits: RateLimits;
  /** Addresses one call takes at most. */
  maxAddresses: number;
  /** Whether one call carries the whole message; one that takes several parts goes one by one. */
  carriesWhole(message: Message): boolean;
}

/**
 * What a lane's queue holds for batching: messages that may share a call are
 * those of one campaign whose stored payloads are the same (the same language
 * and no per-member placeholders). Keys are kept per message, since the lane
 * looks at its queue on every pick.
 */
export class BatchKeys {
  private readonly keys = new WeakMap<ClaimedMessage, string | null>();

  constructor(private readonly batching: BatchSending) {}

  keyOf(message: ClaimedMessage): string | null {
    let key = this.keys.get(message);
    if (key === undefined) {
      key = batchKeyOf(message, this.batching);
      this.keys.set(message, key);
    }
    return key;
  }

  /**
   * Of the messages that may go now (the first queued for each free address,
   * in queue order), the oldest group that shares a key and has at least two
   * members, cut to one call's size; and the rest, to go one by one.
   */
  split(ready: readonly ClaimedMessage[]): { batch: ClaimedMessage[] | null; singles: ClaimedMessage[] } {
    const groups = new Map<string, ClaimedMessage[]>();
    for (const message of ready) {
      const key = this.keyOf(message);
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(message);
      else groups.set(key, [message]);
    }
    let batch: ClaimedMessage[] | null = null;
    for (const group of groups.values())
      if (group.length >= 2) {
        batch = group.slice(0, this.batching.maxAddresses);
        break;
      }
    // Members of any group go together, even while the batch gate makes them wait: one by one they would spend the single sends' budget.
    const grouped = new Set([...groups.values()].filter((group) => group.length >= 2).flat());
    return { batch, singles: ready.filter((message) => !grouped.has(message)) };
  }
}

function batchKeyOf(message: ClaimedMessage, batching: BatchSending): string | null {
  if (message.campaignId === null || message.message === null) return null;
  if (!batching.carriesWhole(message.message)) return null;
  return `${message.campaignId}\n${JSON.stringify(message.message)}`;
}

/**
 * One batch call, with every address's result. A batch sender that throws or
 * answers for the wrong number of addresses broke its contract (our code
 * failed): every message is retried like after a network failure.
 */
export async function attemptBatch(
  batching: BatchSending,
  messages: readonly ClaimedMessage[],
  log: Logger,
): Promise<SendResult[]> {
  const failed = (reason: string): SendResult[] => messages.map(() => ({ kind: 'transient', reason }));
  try {
    const results = await batching.sender(
      messages.map((message) => message.address),
      messages[0]!.message!,
    );
    if (results.length === messages.length) return results;
    log.error(
      { expected: messages.length, got: results.length },
      'outbox: the batch sender answered for the wrong number of addresses; retrying later',
    );
    return failed('the batch sender answered for the wrong number of addresses');
  } catch (error) {
    log.error({ err: error }, 'outbox: the batch sender threw instead of returning results; retrying later');
    return failed(`the batch sender failed: ${(error as Error)?.message ?? String(error)}`);
  }
}
