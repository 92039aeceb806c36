import { describe, expect, it } from 'vitest';
import { ConflictError, LostRaceError, retry, TryAgainError } from '../../core/errors.ts';
import { fanOutSenders } from '../../core/outbox/fanOutSenders.ts';
import type { Sender, SendResult } from '../../core/outbox/sender.ts';

describe('retry', () => {
  it('tries again after an error the policy accepts, and returns the first success', async () => {
    const seen: number[] = [];
    const result = await retry({ attempts: 3, retryOn: (error) => error instanceof ConflictError }, async (attempt) => {
      seen.push(attempt);
      if (attempt < 3) throw new ConflictError('chat');
      return 'answered';
    });
    expect(result).toBe('answered');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws the last failure after the last attempt', async () => {
    const lost = new LostRaceError(new Error('SQLITE_BUSY'));
    await expect(retry({ attempts: 2, retryOn: () => true }, async () => Promise.reject(lost))).rejects.toBe(lost);
  });

  it('never retries an error the policy does not name', async () => {
    let calls = 0;
    const bug = new TypeError('a bug');
    await expect(
      retry({ attempts: 5, retryOn: (error) => error instanceof ConflictError }, async () => {
        calls += 1;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it('says what ran out when every attempt found its ground taken', async () => {
    await expect(
      retry({ attempts: 3, exhausted: () => new Error('no free card number in 3 attempts') }, async () =>
        Promise.reject(new TryAgainError('card number taken')),
      ),
    ).rejects.toThrow('no free card number in 3 attempts');
  });
});

describe('a desk lane with several desks', () => {
  const answering =
    (result: SendResult, seen: string[], name: string): Sender<string> =>
    async (_address, message) => {
      seen.push(`${name}:${message}`);
      return result;
    };

  it('hands every post to every desk', async () => {
    const seen: string[] = [];
    const both = fanOutSenders([
      answering({ kind: 'delivered' }, seen, 'slack'),
      answering({ kind: 'delivered' }, seen, 'console'),
    ]);
    expect(await both('ticket-1', 'post')).toEqual({ kind: 'delivered' });
    expect(seen.sort()).toEqual(['console:post', 'slack:post']);
  });

  it('settles a post only when every desk is done with it: the most demanding outcome speaks', async () => {
    const seen: string[] = [];
    const slackDown = fanOutSenders([
      answering({ kind: 'delivered' }, seen, 'console'),
      answering({ kind: 'transient', reason: '503' }, seen, 'slack'),
    ]);
    expect(await slackDown('ticket-1', 'post')).toEqual({ kind: 'transient', reason: '503' });
    const refused = fanOutSenders([
      answering({ kind: 'retryAfter', seconds: 3, reason: '429' }, seen, 'console'),
      answering({ kind: 'unauthorized', reason: 'invalid_auth' }, seen, 'slack'),
    ]);
    expect(await refused('ticket-1', 'post')).toEqual({ kind: 'unauthorized', reason: 'invalid_auth' });
  });
});
