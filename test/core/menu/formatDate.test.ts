import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../../../core/menu/formatDate.ts';

const evening = new Date('2026-11-23T18:34:00Z');

describe('dates and times shown to members', () => {
  it('shows the time on the 24-hour clock of the programme time zone in every language', () => {
    expect(['ru', 'ro', 'en'].map((locale) => formatTime(evening, locale as 'ru', 'Europe/Chisinau'))).toEqual([
      '20:34',
      '20:34',
      '20:34',
    ]);
  });

  it('decides the day in the programme time zone, not in UTC', () => {
    expect(formatDate(new Date('2026-11-23T22:30:00Z'), 'en', 'Europe/Chisinau')).toBe('24 November 2026');
  });

  it('names the month in the member language', () => {
    expect(formatDate(evening, 'ru', 'Europe/Chisinau')).toBe('23 ноября 2026 г.');
    expect(formatDate(evening, 'ro', 'Europe/Chisinau')).toBe('23 noiembrie 2026');
  });
});
