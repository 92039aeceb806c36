import { describe, expect, it } from 'vitest';
import { birthdaysToday, earnsBirthdayGift } from '../../../core/members/birthdayCalendar.ts';
import { laterToday, nextDecentMoment } from '../../../core/jobs/decentHour.ts';

const CHISINAU = 'Europe/Chisinau';
const DAY_MS = 86_400_000;

describe('whose birthday is today', () => {
  it('celebrates 29 February birthdays on 28 February in a year without 29 February', () => {
    expect(birthdaysToday(new Date('2027-02-28T10:00:00Z'), CHISINAU)).toEqual({
      year: 2027,
      days: [
        { month: 2, day: 28 },
        { month: 2, day: 29 },
      ],
    });
  });

  it('celebrates 29 February birthdays on the day itself in a leap year, not on the 28th', () => {
    expect(birthdaysToday(new Date('2028-02-28T10:00:00Z'), CHISINAU).days).toEqual([{ month: 2, day: 28 }]);
    expect(birthdaysToday(new Date('2028-02-29T10:00:00Z'), CHISINAU).days).toEqual([{ month: 2, day: 29 }]);
  });

  it('decides "today" in the programme time zone: 23:30 UTC on the 22nd is the 23rd in Chisinau', () => {
    expect(birthdaysToday(new Date('2026-11-22T23:30:00Z'), CHISINAU).days).toEqual([{ month: 11, day: 23 }]);
    expect(birthdaysToday(new Date('2026-11-22T23:30:00Z'), 'UTC').days).toEqual([{ month: 11, day: 22 }]);
  });

  it('takes the year from the programme time zone too (New Year’s Eve in UTC is already 1 January)', () => {
    expect(birthdaysToday(new Date('2026-12-31T23:00:00Z'), CHISINAU)).toEqual({
      year: 2027,
      days: [{ month: 1, day: 1 }],
    });
  });
});

describe('the birthday gift', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it('is withheld from a birthday entered 10 days ago', () => {
    expect(earnsBirthdayGift(new Date(now.getTime() - 10 * DAY_MS), now)).toBe(false);
  });

  it('is withheld from a birthday changed 29 days ago', () => {
    expect(earnsBirthdayGift(new Date(now.getTime() - 29 * DAY_MS), now)).toBe(false);
  });

  it('is given for a birthday entered 30 days ago or earlier', () => {
    expect(earnsBirthdayGift(new Date(now.getTime() - 30 * DAY_MS), now)).toBe(true);
    expect(earnsBirthdayGift(new Date('2020-01-01T00:00:00Z'), now)).toBe(true);
  });

  it('is given for a birthday recorded before the date of entry was kept', () => {
    expect(earnsBirthdayGift(null, now)).toBe(true);
  });
});

describe('messages the system sends on its own wait for the day', () => {
  it('holds a reminder made at night until 10:00 in the programme time zone', () => {
    // 01:30 in Chisinau (UTC+2 in November).
    expect(nextDecentMoment(new Date('2026-11-22T23:30:00Z'), CHISINAU)).toEqual(new Date('2026-11-23T08:00:00Z'));
  });

  it('holds a reminder made late in the evening until 10:00 the next day', () => {
    expect(nextDecentMoment(new Date('2026-11-23T20:00:00Z'), CHISINAU)).toEqual(new Date('2026-11-24T08:00:00Z'));
  });

  it('lets a reminder made during the day go at once', () => {
    const noon = new Date('2026-11-23T10:00:00Z');
    expect(nextDecentMoment(noon, CHISINAU)).toEqual(noon);
  });

  it('holds a birthday greeting made after midnight until 10:00 the same day, never the next', () => {
    expect(laterToday(new Date('2026-11-22T23:30:00Z'), CHISINAU)).toEqual(new Date('2026-11-23T08:00:00Z'));
    const lateEvening = new Date('2026-11-23T20:30:00Z');
    expect(laterToday(lateEvening, CHISINAU)).toEqual(lateEvening);
  });
});
