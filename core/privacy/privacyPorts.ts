import type { Birthday } from '../members/membersPorts.ts';
import type { NotificationTopic } from '../notifications/notificationTopics.ts';

/**
 * Everything held about one person, as they may ask for it (Law 133/2011 of
 * Moldova, GDPR art. 15 and 20): plain JSON-able values, dates as `Date`.
 */
export interface MemberExport {
  /** Set when the person's data was erased: what remains is anonymous, and nothing is given. */
  erasedAt: Date | null;
  member: Record<string, unknown>;
  consent: { at: Date; version: string };
  chats: Record<string, unknown>[];
  notificationMutes: { topic: string; since: Date }[];
  ledger: Record<string, unknown>[];
  purchases: Record<string, unknown>[];
  tickets: (Record<string, unknown> & { messages: Record<string, unknown>[] })[];
  referral: { code: string | null; referredById: string | null; invitedMembers: number };
  /** Every NPS and CSAT answer given, oldest first: what was asked, the score, the comment, when. */
  surveyAnswers: SurveyAnswerExport[];
  /** Every quiz played, oldest first: which, how it went, the points it earned, when. */
  quizAttempts: QuizAttemptExport[];
}

export interface SurveyAnswerExport {
  kind: string;
  touchpoint: string;
  store: string | null;
  score: number;
  comment: string | null;
  answeredAt: Date;
}

export interface QuizAttemptExport {
  quizTitle: string;
  /** Questions answered correctly, of `questions`. */
  score: number;
  questions: number;
  points: number;
  startedAt: Date;
  completedAt: Date | null;
}

/** An erasure as asked: by staff (who typed the card number) or by the member in their chat. */
export interface ErasureRequest {
  memberId: string;
  /** Must equal the member's card number: the proof the right person is being erased. */
  confirmCardNumber: string;
  /** `admin`, `key:<id>`, `account:<id>`, or `member` when the person asked in their chat. */
  actor: string;
  at: Date;
}

export type ErasureOutcome =
  /** `photoFileIds`: photos the person sent, whose files (kept by their channel's adapter) are to be deleted too. */
  | { kind: 'erased'; cardNumber: string; forfeitedPoints: number; photoFileIds: string[] }
  | { kind: 'member-not-found' }
  | { kind: 'member-erased' }
  | { kind: 'confirmation-mismatch' };

/** What the "My data" screen lists: the person's data and how much history we keep. */
export interface DataSummary {
  name: string;
  phone: string | null;
  birthday: Birthday | null;
  cardNumber: string;
  balance: number;
  consent: { at: Date; version: string };
  channels: string[];
  mutedTopics: NotificationTopic[];
  purchases: number;
  tickets: number;
  /** NPS and CSAT answers given, and quizzes played. */
  surveyAnswers: number;
  quizzes: number;
}

/** Personal data: what is held about a member, and its erasure. */
export interface PrivacyStore {
  /** Null for no such member. */
  exportMember(memberId: string): Promise<MemberExport | null>;
  /**
   * Removes the person and keeps the accounting: name, phone, birthday,
   * chats, ticket texts go; the card number is retired; ledger and purchases
   * stay as anonymous records; unspent points are forfeited by a ledger line,
   * so the ledger still sums to the balance. Audited; cannot be undone.
   */
  erase(request: ErasureRequest): Promise<ErasureOutcome>;
  summary(memberId: string): Promise<DataSummary | null>;
}
