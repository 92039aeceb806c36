import type { Logger } from '../core/logger.ts';
import type { PointsService } from '../core/points/pointsService.ts';
import type { ProgramSettings } from '../core/settings.ts';
import type { Database } from '../core/storage/openDatabase.ts';

/** What the REST API is built from; the composition root (app/startApp.ts) provides it. */
export interface ApiDeps {
  db: Database;
  points: PointsService;
  adminToken: { verify(presented: string): boolean };
  /** The same settings the chats enrol with: region for phones, consent text version. */
  settings: ProgramSettings;
  clock: () => Date;
  log: Logger;
  /** Requests per minute per credential (API key or admin token) and per address. */
  limits: { perKey: number; perAddress: number };
}
