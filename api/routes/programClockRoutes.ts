import { DateTime } from 'luxon';
import { z } from 'zod';
import { locales } from '../../core/i18n/locale.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';

const clockSchema = z.object({
  timezone: z.string().meta({
    description: 'The IANA zone (`PROGRAM_TIMEZONE`) that decides "today", quiet hours, schedules and segments’ days.',
    example: 'Europe/Chisinau',
  }),
  now: z.iso.datetime({ offset: true }).meta({ description: 'The time now, written with the zone’s offset.' }),
  today: z.iso.date().meta({ description: 'Today on the programme’s calendar, `YYYY-MM-DD`.' }),
  utcOffsetMinutes: z
    .number()
    .int()
    .meta({ description: 'The zone’s offset from UTC now, in minutes (120 for UTC+2).' }),
  defaultLocale: z.enum(locales).meta({ description: 'The language of members whose own language a text lacks.' }),
});

/**
 * The programme's clock, read-only: it is the deployment's configuration,
 * not a rule marketers change. A client that schedules a campaign or reads
 * a report by day needs the zone those are on.
 */
export function programClockRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      tag: 'Programme',
      access: 'read',
      method: 'GET',
      path: '/api/v1/program/clock',
      operationId: 'getProgramClock',
      summary: 'The programme’s time zone, and the time and day on it now',
      responses: { 200: { description: 'The programme’s clock.', schema: clockSchema } },
      problems: [],
      handle: async () => {
        const { timezone, defaultLocale } = deps.settings;
        const now = DateTime.fromJSDate(deps.clock(), { zone: timezone });
        return {
          status: 200,
          body: {
            timezone,
            now: now.toISO({ suppressMilliseconds: true })!,
            today: now.toISODate()!,
            utcOffsetMinutes: now.offset,
            defaultLocale,
          },
        };
      },
    }),
  ];
}
