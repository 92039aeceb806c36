import { DateTime } from 'luxon';
import type { Birthday } from './membersPorts.ts';

const dayFirst = /^(\d{1,2})[./\- ](\d{1,2})(?:[./\- ](\d{4}))?$/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a birthday typed as `23.11`, `23.11.1990`, `23/11/1990` or
 * `1990-11-23`. Returns null for impossible dates (31.04, 29.02.2023) and
 * for years in the future or before 1900. Without a year, 29.02 is allowed.
 */
export function parseBirthday(input: string, today: DateTime): Birthday | null {
  const text = input.trim();
  const iso = isoDate.exec(text);
  const parts = iso ? { day: iso[3], month: iso[2], year: iso[1] } : matchDayFirst(text);
  if (!parts) return null;
  const day = Number(parts.day);
  const month = Number(parts.month);
  const year = parts.year === undefined ? undefined : Number(parts.year);
  if (year !== undefined && (year < 1900 || year > today.year)) return null;
  // A leap year stands in when no year is given, so 29 February is possible.
  const date = DateTime.fromObject({ year: year ?? 2000, month, day }, { zone: today.zone });
  if (!date.isValid || (year !== undefined && date > today)) return null;
  return year === undefined ? { day, month } : { day, month, year };
}

function matchDayFirst(text: string): { day: string; month: string; year?: string } | null {
  const match = dayFirst.exec(text);
  if (!match) return null;
  return { day: match[1]!, month: match[2]!, year: match[3] };
}
