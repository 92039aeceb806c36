import { describe, expect, it } from 'vitest';
import { ViberApiError, ViberHttpError } from '../../../bots/viber/viberApi.ts';
import { viberSendResult } from '../../../bots/viber/viberSendResult.ts';

const refused = (status: number) => viberSendResult(new ViberApiError('send_message', status, 'x')).kind;

describe('viberSendResult', () => {
  it.each([
    [5, 'unreachable'],
    [6, 'unreachable'],
    [12, 'retryAfter'],
    [2, 'unauthorized'],
    [7, 'unauthorized'],
    [10, 'transient'],
    [3, 'rejected'],
    [11, 'rejected'],
    [20, 'transient'],
  ])('reads status %i as %s', (status, kind) => {
    expect(refused(status)).toBe(kind);
  });

  it('retries a network failure', () => {
    expect(viberSendResult(new ViberHttpError('send_message', 'ECONNRESET')).kind).toBe('transient');
  });

  it('rethrows our own errors', () => {
    expect(() => viberSendResult(new TypeError('bug'))).toThrow(TypeError);
  });
});
