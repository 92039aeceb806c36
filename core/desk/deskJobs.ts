import type { Translator } from '../i18n/translator.ts';
import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import type { DeskDeps } from './deskPorts.ts';
import { reannounceTickets } from './reannounceTickets.ts';

/** The staff desk's scheduled jobs: untaken tickets are announced again. */
export function deskJobs(desk: DeskDeps, translator: Translator): ScheduledJob[] {
  return [{ name: 'desk-reannounce', run: (now) => reannounceTickets(desk, translator, now) }];
}
