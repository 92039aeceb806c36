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
import type { AccountStore, SessionStore } from '../core/accounts/accountsPorts.ts';
import type { SignInDeps } from '../core/accounts/signIn.ts';
import type { StaffStore } from '../core/staff/staffPorts.ts';
import type { DeskInbox } from '../core/desk/deskInbox.ts';
import type { QuizStore } from '../core/quizzes/quizzesPorts.ts';
import type { SurveyReports, SurveySending } from '../core/surveys/surveysPorts.ts';
import type { AnalyticsReads } from '../core/analytics/analyticsPorts.ts';
import type { SegmentMembers, SegmentStore } from '../core/segments/segmentsPorts.ts';
import type { CampaignDeps } from '../core/campaigns/campaignDeps.ts';
import type { PictureStore } from '../core/media/mediaPorts.ts';
import type { ContestPictures, ContestStore } from '../core/contests/contestsPorts.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { PrizeStore } from '../core/contests/prizePorts.ts';
import type { DrawDeps } from '../core/contests/draws/runDraw.ts';
import type { ScoreReads } from '../core/scoring/scoringPorts.ts';
import type { ScoreRefresh } from '../core/scoring/refreshScores.ts';

/** What the REST API is built from; the composition root (app/startApp.ts) provides it. */
export interface ApiDeps {
  members: Pick<MemberStore, 'enrolAtTill' | 'findMember'>;
  /** Points added or taken by hand (core/points/adjustPoints.ts). */
  adjustPoints: (adjustment: Adjustment) => Promise<AdjustmentOutcome>;
  /** Personal data: export and erasure (core/privacy/). */
  privacy: Pick<PrivacyStore, 'exportMember' | 'erase'>;
  /** Quizzes marketers create, publish, close and read the results of (core/quizzes/). */
  quizzes: QuizStore;
  /** Saved segments and the members they match (core/segments/). */
  segments: { store: SegmentStore; members: SegmentMembers };
  /** Campaigns to segments, their commands and statistics (core/campaigns/). */
  campaigns: CampaignDeps;
  /** Uploaded pictures, cleaned of metadata (core/media/acceptPicture.ts), served at /media/{id}. */
  pictures: PictureStore;
  /** Photo and drawing contests, their moderation and standings (core/contests/). */
  contests: { store: ContestStore; pictures: ContestPictures };
  /** The texts members are told in (a moderation decision's message). */
  translator: Translator;
  /** Prize codes won in draws and contests, redeemed once (core/contests/). */
  prizes: Pick<PrizeStore, 'redeem'>;
  /** Prize draws: created, run once, their result public (core/contests/draws/). */
  draws: DrawDeps;
  /** Search, a member's page and their purchases, for the console. */
  directory: MemberDirectory;
  ledger: Pick<LedgerReads, 'ledgerPage' | 'balanceAfterPurchase'>;
  apiKeyStore: ApiKeyStore;
  idempotencyStore: IdempotencyStore;
  staff: StaffStore;
  accounts: AccountStore;
  /** Signing in: passwords, sessions and the failures counted per login and per address. */
  signIn: SignInDeps;
  sessions: SessionStore;
  /** A console session ends after this long without a request. */
  sessionIdleMs: number;
  /** Whether cookies are sent over https only (PUBLIC_URL is https). */
  secureCookie: boolean;
  /** Where the console is reached, for the set-up links the owner hands out. */
  publicUrl: string | undefined;
  audit: AuditLog;
  /** The staff desk without Slack: tickets read and answered through the API. */
  deskInbox: DeskInbox;
  /** NPS and CSAT: the reports, and relationship surveys sent by a marketer (core/surveys). */
  surveys: { reports: SurveyReports; sending: SurveySending };
  /** Customer stages, the loyalty square and RFM: the daily scores' reports, and a run on demand (core/scoring/). */
  scores: { reads: ScoreReads; refresh: ScoreRefresh };
  /** The analytics roll-ups and the reads behind the reports (core/analytics). */
  analytics: AnalyticsReads;
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
