import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseBirthday } from '../../../core/members/parseBirthday.ts';

const today = DateTime.fromISO('2026-06-15T12:00:00', { zone: 'Europe/Chisinau' });
const parse = (text: string) => parseBirthday(text, today);

describe('parseBirthday', () => {
  it('reads day and month without a year', () => {
    expect(parse('23.11')).toEqual({ day: 23, month: 11 });
  });

  it('reads day, month and year with dots', () => {
    expect(parse('23.11.1990')).toEqual({ day: 23, month: 11, year: 1990 });
  });

  it('reads day, month and year with slashes', () => {
    expect(parse('23/11/1990')).toEqual({ day: 23, month: 11, year: 1990 });
  });

  it('reads an ISO date', () => {
    expect(parse('1990-11-23')).toEqual({ day: 23, month: 11, year: 1990 });
  });

  it('reads single-digit day and month and ignores surrounding spaces', () => {
    expect(parse(' 3.7 ')).toEqual({ day: 3, month: 7 });
  });

  it('accepts 29 February when no year is given', () => {
    expect(parse('29.02')).toEqual({ day: 29, month: 2 });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parse('29.02.2024')).toEqual({ day: 29, month: 2, year: 2024 });
  });

  it('refuses 29 February of a common year', () => {
    expect(parse('29.02.2023')).toBeNull();
  });

  it('refuses 31 April', () => {
    expect(parse('31.04')).toBeNull();
  });

  it('refuses day zero', () => {
    expect(parse('00.05')).toBeNull();
  });

  it('refuses month 13', () => {
    expect(parse('12.13')).toBeNull();
  });

  it('refuses a year in the future', () => {
    expect(parse('01.01.2027')).toBeNull();
  });

  it('refuses a later day of the current year', () => {
    expect(parse('16.06.2026')).toBeNull();
  });

  it('accepts a baby born today', () => {
    expect(parse('15.06.2026')).toEqual({ day: 15, month: 6, year: 2026 });
  });

  it('refuses a year before 1900', () => {
    expect(parse('23.11.1899')).toBeNull();
  });

  it('refuses text that is not a date', () => {
    expect(parse('next Tuesday')).toBeNull();
  });
});
