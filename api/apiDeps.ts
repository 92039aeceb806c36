import type { PrivacyStore } from '../core/privacy/privacyPorts.ts';
import type { Adjustment } from '../core/points/adjustPoints.ts';
import type { AdjustmentOutcome } from '../core/points/pointsPorts.ts';
import type { Logger } from '../core/logger.ts';
import type { PointsService } from '../core/points/pointsService.ts';
import type { ProgramSettings } from '../core/settings/programSettings.ts';
import type { ApiKeyStore, IdempotencyStore } from '../core/api/apiPorts.ts';
import type { MemberDirectory, MemberStore } from '../core/members/membersPorts.ts';
import type { LedgerReads } from '../core/points/pointsPorts.ts';
import type { CodeGuesses } from '../core/till/tillPorts.ts';
import type { AuditLog } from '../core/audit/auditPorts.ts';
import type { StaffStore } from '../core/staff/staffPorts.ts';

/** What the REST API is built from; the composition root (app/startApp.ts) provides it. */
export interface ApiDeps {
  members: Pick<MemberStore, 'enrolAtTill' | 'findMember'>;
  /** Points added or taken by hand (core/points/adjustPoints.ts). */
  adjustPoints: (adjustment: Adjustment) => Promise<AdjustmentOutcome>;
  /** Personal data: export and erasure (core/privacy/). */
  privacy: Pick<PrivacyStore, 'exportMember' | 'erase'>;
  /** Search, a member's page and their purchases, for the console. */
  directory: MemberDirectory;
  ledger: Pick<LedgerReads, 'ledgerPage' | 'balanceAfterPurchase'>;
  apiKeyStore: ApiKeyStore;
  idempotencyStore: IdempotencyStore;
  staff: StaffStore;
  audit: AuditLog;
  points: PointsService;
  adminToken: { verify(presented: string): boolean };
  /** The same settings the chats enrol with: region for phones, consent text version. */
  settings: ProgramSettings;
  clock: () => Date;
  log: Logger;
  /** Requests per minute per credential (API key or admin token) and per address. */
  limits: { perKey: number; perAddress: number };
  /** Failed one-time-code guesses per API key (or the admin token). */
  codeGuesses: CodeGuesses;
  /** Look-ups by phone per API key, counted like code guesses but every one of them (`failed` counts a look-up). */
  phoneLookups: CodeGuesses;
}
