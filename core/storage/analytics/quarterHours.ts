import { Prisma } from '../generated/sqlite/client.ts';
import type { Provider } from '../db/openDatabase.ts';

/** Fifteen minutes in seconds: every time zone's offset from UTC is a whole number of them. */
export const QUARTER_HOUR_S = 900;

/**
 * The UTC quarter-hour a timestamp column falls in, as an integer, in each
 * provider's SQL. A rebuild groups raw rows by it in the database and maps
 * each quarter-hour to its programme-local day in code: no time-zone
 * arithmetic in SQL, and a few hundred thousand groups instead of millions of rows.
 */
export function quarterHourOf(provider: Provider, column: Prisma.Sql): Prisma.Sql {
  return provider === 'postgresql'
    ? Prisma.sql`FLOOR(EXTRACT(EPOCH FROM ${column}) / ${QUARTER_HOUR_S})::bigint`
    : Prisma.sql`(CAST(strftime('%s', ${column}) AS INTEGER) / ${QUARTER_HOUR_S})`;
}

/** The moment a quarter-hour starts. */
export function quarterHourStart(quarter: bigint | number): Date {
  return new Date(Number(quarter) * QUARTER_HOUR_S * 1000);
}
