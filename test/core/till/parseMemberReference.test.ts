import { describe, expect, it } from 'vitest';
import { newCardNumber } from '../../../core/members/cardNumber.ts';
import { parseMemberReference } from '../../../core/till/parseMemberReference.ts';

describe('reading how the cashier names the member', () => {
  it('reads six digits as the one-time code from the card screen', () => {
    expect(parseMemberReference('042 917', 'MD')).toEqual({ ok: true, reference: { code: '042917' } });
  });

  it('reads twelve digits with a valid check digit as a card number, spaces allowed', () => {
    const card = newCardNumber();
    const spaced = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(parseMemberReference(spaced, 'MD')).toEqual({ ok: true, reference: { cardNumber: card } });
  });

  it('refuses a card number with a typo before any lookup', () => {
    const card = newCardNumber();
    const typo = card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10);
    expect(parseMemberReference(typo, 'MD')).toEqual({ ok: false, reason: 'bad-card' });
  });

  it.each([
    ['069123456', '+37369123456'],
    ['+373 69 123 456', '+37369123456'],
  ])('reads "%s" as the phone %s', (typed, phone) => {
    expect(parseMemberReference(typed, 'MD')).toEqual({ ok: true, reference: { phone } });
  });

  it.each(['hello', '12345', '1234567'])('refuses "%s"', (typed) => {
    expect(parseMemberReference(typed, 'MD')).toEqual({ ok: false, reason: 'unreadable' });
  });
});
