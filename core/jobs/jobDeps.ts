import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import type { JobsStore, Page } from './jobsPorts.ts';
import type { DeskDeps } from '../desk/deskPorts.ts';

/** What the scheduled jobs are built from; the composition root (or a test) supplies it. */
export interface JobDeps {
  store: JobsStore;
  translator: Translator;
  settings: Pick<ProgramSettings, 'timezone'>;
  loadRules: () => Promise<ProgramRules>;
  log: Logger;
  /** The staff desk, whose untaken tickets are announced again; without it that job does nothing. */
  desk?: DeskDeps;
  /** Rows read per page of a scan; small pages keep each query short. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 200;

/** Walks a paged scan to its end, handing each item to `visit`. */
export async function eachItem<T>(fetch: (after: string | null) => Promise<Page<T>>, visit: (item: T) => Promise<void>): Promise<void> {
  let after: string | null = null;
  do {
    const page: Page<T> = await fetch(after);
    for (const item of page.items) await visit(item);
    after = page.next;
  } while (after !== null);
}
