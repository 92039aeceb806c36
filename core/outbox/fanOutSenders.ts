import type { Sender, SendResult } from './sender.ts';

/** Which outcome speaks for the whole when desks disagree: the one that asks the most of the lane. */
const URGENCY: Record<SendResult['kind'], number> = {
  unauthorized: 5,
  retryAfter: 4,
  transient: 3,
  rejected: 2,
  unreachable: 1,
  delivered: 0,
};

/**
 * One lane's sender that hands every message to several senders (the staff
 * desk in Slack and in the console). Each gets the message; the outcome is
 * the most demanding of theirs (a stopped lane before a wait, a wait before
 * a retry, a retry before a refusal), so the message is settled only when
 * every sender is done with it. A retry hands it to every sender again: a
 * sender in such a list must take a repeated message calmly, as any sender
 * must after the crash window the dispatcher already allows.
 */
export function fanOutSenders<Message>(senders: readonly Sender<Message>[]): Sender<Message> {
  if (senders.length === 1) return senders[0]!;
  return async (address, message) => {
    const results = await Promise.all(senders.map((send) => send(address, message)));
    return results.reduce(
      (worst, result) => (URGENCY[result.kind] > URGENCY[worst.kind] ? result : worst),
      results[0] ?? { kind: 'delivered' },
    );
  };
}
