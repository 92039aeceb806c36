import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../core/payloads.ts';
import { parseTillPayload, tillPayload } from '../../../core/till/tillPayloads.ts';

const receiptId = `till-${crypto.randomUUID()}`;

describe('till button payloads', () => {
  it('fit in the 64 bytes Telegram allows', () => {
    const all = [
      tillPayload.open,
      tillPayload.cancel,
      tillPayload.earnOnly('abcdefgh'),
      tillPayload.spend('abcdefgh'),
      tillPayload.confirm(receiptId),
    ];
    for (const raw of all) expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(64);
  });

  it('read back as the button they came from', () => {
    expect(parseTillPayload(tillPayload.confirm(receiptId))).toEqual({ kind: 'confirm', receiptId });
    expect(parseTillPayload(tillPayload.spend('r1'))).toEqual({ kind: 'spend', ref: 'r1' });
    expect(parseTillPayload(tillPayload.earnOnly('r1'))).toEqual({ kind: 'earnOnly', ref: 'r1' });
    expect(parseTillPayload(tillPayload.open)).toEqual({ kind: 'open' });
    expect(parseTillPayload(tillPayload.cancel)).toEqual({ kind: 'cancel' });
  });

  it('are unknown to the customer flow, so a customer pressing one gets the stale-button answer', () => {
    expect(parsePayload(tillPayload.confirm(receiptId))).toEqual({ kind: 'unknown' });
    expect(parsePayload(tillPayload.open)).toEqual({ kind: 'unknown' });
  });

  it('tells a forged till payload apart from payloads that are not the till at all', () => {
    expect(parseTillPayload('till:ok:')).toEqual({ kind: 'unknown' });
    expect(parseTillPayload('till:drop-tables:x')).toEqual({ kind: 'unknown' });
    expect(parseTillPayload('menu:balance')).toBeNull();
  });
});
