import type { SegmentQuery } from '../segments/segmentQuery.ts';
import type { Channel } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Outbound } from '../outbound.ts';
import type { ScoreGroup, SurveyKind } from './surveyScores.ts';

export type Touchpoint = 'purchase' | 'desk' | 'relationship';
export type QuestionStatus = 'scheduled' | 'asked' | 'muted' | 'answered' | 'expired' | 'skipped';

/** One question put (or to be put) to a member. */
export interface SurveyQuestionRecord {
  id: string;
  memberId: string;
  kind: SurveyKind;
  touchpoint: Touchpoint;
  status: QuestionStatus;
  store: string | null;
  channel: Channel | null;
  locale: Locale;
  tier: string | null;
  dueAt: Date;
  askedAt: Date | null;
  expiresAt: Date | null;
  answeredAt: Date | null;
  score: number | null;
  group: ScoreGroup | null;
  comment: string | null;
  followUpTicketId: string | null;
}

export type AnswerOutcome =
  { outcome: 'answered'; question: SurveyQuestionRecord } | { outcome: 'already-answered' | 'expired' | 'missing' };

/** The asking side: due questions, the facts the policy needs, and the question to the outbox. */
export interface SurveyStore {
  /** Scheduled questions due at `now`, the longest waiting first. */
  due(now: Date, limit: number): Promise<SurveyQuestionRecord[]>;
  /** What `decideAsking` needs for this question's member. */
  askingFacts(
    question: SurveyQuestionRecord,
    now: Date,
  ): Promise<{
    lastAskedOfKind: Date | null;
    lastAskedAny: Date | null;
    openQuestion: boolean;
  }>;
  /**
   * Sends the question through the outbox (topic `surveys`) and marks it asked,
   * in one transaction, only while it is still scheduled. A member who switched
   * surveys off gets the row written as `muted`, never sent, and the question is `muted`.
   */
  ask(questionId: string, message: Outbound, at: Date, expiresAt: Date, day: string): Promise<QuestionStatus | 'gone'>;
  /** Moves a scheduled question to a later moment (quiet hours, a question already asked today). */
  postpone(questionId: string, dueAt: Date): Promise<void>;
  /** Drops a scheduled question that the throttle forbids. */
  skip(questionId: string): Promise<void>;
  /** Closes the asked questions whose time ran out; how many. */
  expire(now: Date, limit: number): Promise<number>;
  /** The first answer counts: a second press (or a late one) changes nothing. */
  answer(input: {
    questionId: string;
    memberId: string;
    score: number;
    group: ScoreGroup;
    at: Date;
    /** The programme-local day, `YYYY-MM-DD`. */
    day: string;
  }): Promise<AnswerOutcome>;
  comment(questionId: string, memberId: string, comment: string): Promise<void>;
  /** The desk ticket a detractor's answer opened; the first link stands. */
  linkTicket(questionId: string, ticketId: string): Promise<void>;
  /**
   * Detractors' answers given between `from` and `to` that no ticket follows
   * up yet (the member neither commented nor skipped), with the chat the
   * question was asked in (null when there is none left to write to), the oldest first.
   */
  silentDetractors(range: { from: Date; to: Date }, limit: number): Promise<SilentDetractor[]>;
  find(questionId: string): Promise<SurveyQuestionRecord | null>;
}

/** A detractor's answer waiting for its ticket, and where the member can be answered. */
export interface SilentDetractor {
  question: SurveyQuestionRecord;
  chat: { id: string; channel: Channel; address: string; locale: Locale } | null;
}

/** A relationship survey: who will be asked, who switched surveys off, and who not and why. */
export interface RelationshipOutcome {
  /** Queued: asked at the next moment outside the quiet hours. */
  scheduled: number;
  /** Switched surveys off: their question is written as `muted` and never sent. */
  muted: number;
  skipped: { throttled: number; noChat: number; alreadyScheduled: number; unknownMember: number };
}

/** Whom a relationship survey asks: every member, or those named by id or card number. */
export type SurveyAudience =
  | 'all'
  | { memberIds: string[]; cardNumbers: string[] }
  /** A saved segment's members, as its filters match at the moment of sending. */
  | { segment: SegmentQuery };

export interface SurveySending {
  /** Schedules a question of `kind` for each member of the audience, throttle respected. */
  sendRelationshipSurvey(input: {
    kind: SurveyKind;
    audience: SurveyAudience;
    at: Date;
    dueAt: Date;
    minDaysBetween: number;
    sentBy: string;
  }): Promise<RelationshipOutcome>;
}

/** Report filters, as the API passes them. */
export interface ReportRange {
  from: Date;
  to: Date;
  /**
   * The same range as programme-local days (`to` excluded), when it runs
   * from midnight to midnight: then the daily counts answer it.
   */
  days?: { from: string; to: string };
}

export type NpsGroupBy = 'week' | 'day' | 'tier' | 'channel' | 'store' | 'locale';

/** Answers counted per key and score: the raw material of every report. */
export interface ScoreCount {
  key: string | null;
  score: number;
  count: number;
}

export interface CommentRecord {
  id: string;
  score: number;
  group: ScoreGroup;
  comment: string;
  answeredAt: Date;
  memberId: string;
  memberName: string;
  ticketId: string | null;
}

/** The reads behind the reports: aggregates in the database, folded in the core. */
export interface SurveyReports {
  /** Answers of `kind` in the range, counted by (key, score); key null for no grouping. */
  scoreCounts(input: {
    kind: SurveyKind;
    range: ReportRange;
    groupBy: NpsGroupBy | null;
    touchpoint?: Touchpoint;
    store?: string;
  }): Promise<ScoreCount[]>;
  /** Questions asked in the range, and how many of them were answered in time. */
  askedCounts(input: { kind: SurveyKind; range: ReportRange; touchpoint?: Touchpoint; store?: string }): Promise<{
    asked: number;
    answered: number;
  }>;
  /** Comments, newest first, after `cursor` (an answer id). */
  comments(input: { range: ReportRange; group?: ScoreGroup; limit: number; cursor?: string }): Promise<CommentRecord[]>;
}

/** What the surveys capability is built from, in the chat. */
export interface SurveyDeps {
  store: SurveyStore;
}
