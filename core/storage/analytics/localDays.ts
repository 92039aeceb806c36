import { DateTime } from 'luxon';
import { Prisma } from '../generated/sqlite/client.ts';
import type { Provider } from '../db/openDatabase.ts';
import { figuresTimezone } from './figuresCalendar.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A stretch of time over which the programme's zone keeps one offset from UTC. */
interface OffsetSpan {
  /** The first instant with the next offset; null for the last span. */
  until: Date | null;
  offsetSeconds: number;
}

/**
 * The programme-local day (`YYYY-MM-DD`) of a timestamp column, in each
 * provider's SQL, between `first` and `last`: the column plus the zone's
 * offset, which a CASE picks from the few spans (two a year with summer
 * time) between the zone's transitions, worked out here. The database does
 * no time-zone lookup, and a rebuild groups by day without a row leaving it.
 */
export function localDayOf(provider: Provider, column: Prisma.Sql, first: Date, last: Date): Prisma.Sql {
  const spans = offsetSpans(first, last, figuresTimezone());
  const arms = spans.map(({ until, offsetSeconds }) =>
    until === null
      ? Prisma.sql`ELSE ${Prisma.raw(String(offsetSeconds))}`
      : Prisma.sql`WHEN ${column} < ${until} THEN ${Prisma.raw(String(offsetSeconds))}`,
  );
  // Without a transition in the span there is one offset, and a CASE of nothing but ELSE is not SQL.
  const offset =
    spans.length === 1 ? Prisma.raw(String(spans[0]!.offsetSeconds)) : Prisma.sql`(CASE ${Prisma.join(arms, ' ')} END)`;
  return provider === 'postgresql'
    ? Prisma.sql`to_char(${column} + ${offset} * INTERVAL '1 second', 'YYYY-MM-DD')`
    : Prisma.sql`date(${column}, ${offset} || ' seconds')`;
}

/** The zone's offsets from a day before `first` to a day after `last`, each transition found to the minute. */
function offsetSpans(first: Date, last: Date, zone: string): OffsetSpan[] {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset * 60;
  const spans: OffsetSpan[] = [];
  let current = offsetAt(first.getTime() - DAY_MS);
  for (let day = first.getTime() - DAY_MS; day <= last.getTime() + DAY_MS; day += DAY_MS) {
    const next = offsetAt(day + DAY_MS);
    if (next === current) continue;
    spans.push({ until: new Date(transitionBetween(day, day + DAY_MS, offsetAt)), offsetSeconds: current });
    current = next;
  }
  spans.push({ until: null, offsetSeconds: current });
  return spans;
}

/** The first minute in (from, to] whose offset differs from the one at `from`. */
function transitionBetween(from: number, to: number, offsetAt: (ms: number) => number): number {
  const before = offsetAt(from);
  let low = from;
  let high = to;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
