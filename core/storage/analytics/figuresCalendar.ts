import { DateTime } from 'luxon';
import { defaultProgramSettings } from '../../settings/programSettings.ts';

/**
 * The programme's time zone, as the roll-ups read it. It is one per process
 * (PROGRAM_TIMEZONE, read at start-up), and the writers that keep the
 * roll-ups (a ledger entry, an enrolment) run deep inside transactions that
 * know no settings, so the composition root sets it once here instead of
 * threading it through every caller of the points engine.
 */
let zone = defaultProgramSettings.timezone;

/** Sets the zone whose days and months the roll-ups count in; the composition root calls it before serving. */
export function useFiguresTimezone(timezone: string): void {
  zone = timezone;
}

/** The zone the roll-ups count in now. */
export function figuresTimezone(): string {
  return zone;
}

/** The programme-local day of a moment, `YYYY-MM-DD`. */
export function figuresDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** The programme-local month of a moment, `YYYY-MM`. */
export function figuresMonth(at: Date): string {
  return figuresDay(at).slice(0, 7);
}
