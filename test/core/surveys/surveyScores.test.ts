// The two scales at their boundaries: NPS 0–10 (0–6 detractors, 7–8
// passives, 9–10 promoters) and CSAT 1–5 (satisfied: 4 and 5).
import { describe, expect, it } from 'vitest';
import {
  csatGroupOf,
  customerSatisfaction,
  isValidScore,
  netPromoterScore,
  npsCountsOf,
  npsGroupOf,
} from '../../../core/surveys/surveyScores.ts';
import { afterQuietHours } from '../../../core/program/quietHours.ts';

describe('NPS groups', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('puts a %i among the %ss', (score, group) => {
    expect(npsGroupOf(score)).toBe(group);
  });

  it('counts a distribution over 0–10 into the three groups at their boundaries', () => {
    const distribution = [1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6];
    expect(npsCountsOf(distribution)).toEqual({ detractors: 3, passives: 7, promoters: 11 });
  });

  it('refuses scores outside 0–10 and fractions', () => {
    expect([-1, 11, 6.5].map((score) => isValidScore('nps', score))).toEqual([false, false, false]);
    expect([0, 10].map((score) => isValidScore('nps', score))).toEqual([true, true]);
  });
});

describe('the Net Promoter Score', () => {
  it('is % promoters − % detractors: 2 promoters, 1 passive, 1 detractor make 25', () => {
    expect(netPromoterScore({ promoters: 2, passives: 1, detractors: 1 })).toBe(25);
  });

  it('runs from −100 (all detractors) to 100 (all promoters)', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 5 })).toBe(-100);
    expect(netPromoterScore({ promoters: 5, passives: 0, detractors: 0 })).toBe(100);
  });

  it('is null, not 0, without answers', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('counts a 6 against and a 7 as neutral', () => {
    expect(netPromoterScore(npsCountsOf([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0]))).toBe(-50);
  });
});

describe('CSAT', () => {
  it.each([
    [1, 'dissatisfied'],
    [2, 'dissatisfied'],
    [3, 'neutral'],
    [4, 'satisfied'],
    [5, 'satisfied'],
  ])('reads a %i as %s', (score, group) => {
    expect(csatGroupOf(score)).toBe(group);
  });

  it('is the share of 4s and 5s', () => {
    // index = stars: one 1, one 3, one 4, one 5
    expect(customerSatisfaction([0, 1, 0, 1, 1, 1])).toBe(50);
    expect(customerSatisfaction([0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe('quiet hours', () => {
  const zone = 'Europe/Chisinau';
  const quiet = { from: '21:00', to: '09:00' };
  it('hold a question due at 22:30 until 09:00 the next morning', () => {
    expect(afterQuietHours(new Date('2026-03-10T20:30:00Z'), zone, quiet)).toEqual(new Date('2026-03-11T07:00:00Z'));
  });
  it('hold one due at 06:00 until 09:00 the same day', () => {
    expect(afterQuietHours(new Date('2026-03-10T04:00:00Z'), zone, quiet)).toEqual(new Date('2026-03-10T07:00:00Z'));
  });
  it('let one due at 20:59 go at once', () => {
    const at = new Date('2026-03-10T18:59:00Z');
    expect(afterQuietHours(at, zone, quiet)).toEqual(at);
  });
  it('work for a window that does not wrap midnight', () => {
    expect(afterQuietHours(new Date('2026-03-10T11:30:00Z'), zone, { from: '13:00', to: '14:00' })).toEqual(
      new Date('2026-03-10T12:00:00Z'),
    );
  });
});
