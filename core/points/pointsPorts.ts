import type { Notification } from '../outbox/outboxPorts.ts';
import type { JobDeps, Page, ScheduledNotification } from '../jobs/jobsPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { PurchaseFigures, PurchaseQuote } from './quotePurchase.ts';

/** How a till or a POS system names the member: card number, phone or a one-time code. */
export type MemberReference = { memberId: string } | { cardNumber: string } | { phone: string } | { code: string };

export interface PurchaseRequest {
  purchaseId: string;
  /**
   * Who buys, as the till named them. The member is resolved inside the
   * purchase transaction, as its row lock; a one-time code is used up there.
   */
  member: MemberReference;
  receiptId: string;
  amount: number;
  redeemPoints: number;
  source: 'till' | 'api';
  /** The credential recording it (`key:<id>`, `admin`, `cashier:<staffId>`); a code another one looked up is not theirs to use. */
  recordedBy: string;
  /** Where it was made, as the till labels it (surveys report CSAT per store). */
  store?: string;
  till?: string;
  at: Date;
  /** A reply to keep with the purchase if it is recorded, in the same transaction. */
  reply?: ReplyToKeep;
}

/**
 * A reply to keep with a recorded purchase, written in its transaction: the
 * REST API's first answer to an Idempotency-Key, so that a retry never finds
 * the purchase committed and its answer still missing. The key's row is
 * claimed before the purchase starts; the transaction only completes it.
 */
export interface ReplyToKeep {
  client: string;
  key: string;
  render(recorded: { purchase: PurchaseRecord; member: MemberRecord }): { status: number; body: string };
}

export interface PurchaseRecord extends PurchaseFigures {
  id: string;
  memberId: string;
  receiptId: string;
  amount: number;
  tierBefore: string | null;
  tierAfter: string | null;
  refundedAt: Date | null;
  refundShortfall: number;
  /** The credential that recorded it; null for purchases recorded before this was kept. */
  recordedBy: string | null;
  /** Where it was made, as the till labelled it; null when it did not. */
  store: string | null;
  till: string | null;
  createdAt: Date;
}

export type PurchaseOutcome =
  | {
      kind: 'recorded' | 'replayed';
      purchase: PurchaseRecord;
      member: MemberRecord;
      /** The request's `reply` was kept with the purchase. */ replyKept?: boolean;
    }
  | { kind: 'receipt-conflict'; purchase: PurchaseRecord }
  | { kind: 'refused'; reason: 'over-balance' | 'over-share'; maxRedeemable: number }
  | { kind: 'code-invalid' }
  /** The one-time code was issued but is used up or expired: the member should open their card for a new one. */
  | { kind: 'code-expired' }
  | { kind: 'member-not-found' }
  | { kind: 'invalid-request'; detail: string };

export type RefundOutcome =
  | { kind: 'refunded' | 'already-refunded'; purchase: PurchaseRecord; member: MemberRecord }
  | { kind: 'not-found' }
  /** Another credential recorded it, and this one may refund only its own purchases. Nothing changed. */
  | { kind: 'not-yours' };

/** Who asks for a refund: their credential, and whether they may refund a purchase another one recorded. */
export interface Refunder {
  credential: string;
  anyRefund: boolean;
}

/** The figures a tier follows: what a member earned or spent, never their spendable balance. */
export type TierFigures = Pick<MemberRecord, 'lifetimeSpend' | 'lifetimeEarned'>;

/** What the purchase transaction needs from the core, computed inside it on fresh figures. */
export interface PurchasePolicy {
  rules: ProgramRules;
  /** The tier these figures earn; storage records it, the core decides it. */
  tierOf: (figures: TierFigures) => string;
  /** SHA-256 of what was asked of the receipt once the member is known, so a replay with other content is told apart. */
  requestHash: (memberId: string) => string;
  quote: (member: MemberRecord) => PurchaseQuote;
  notifyPurchase: (purchase: PurchaseRecord, member: MemberRecord) => Notification[];
}

export interface RefundPolicy {
  rules: ProgramRules;
  /** The tier these figures earn; storage records it, the core decides it. */
  tierOf: (figures: TierFigures) => string;
  notifyRefund: (purchase: PurchaseRecord, member: MemberRecord, tierBefore: string | null) => Notification[];
  /** Whether the one asking may refund a purchase recorded by `recordedBy`. */
  mayRefund: (recordedBy: string | null) => boolean;
}

/** The storage the points engine needs; implemented in core/storage/points/recordPurchase.ts. */
export interface PointsStore {
  /**
   * The member a reference names. A one-time code is claimed for `claimant`
   * on the way: once one credential has looked it up, another finds no one.
   */
  findMemberBy(reference: MemberReference, now: Date, claimant?: string): Promise<MemberRecord | null>;
  /** Whether `code` was ever issued; when no live code holds it, it is then used up or expired. */
  codeWasIssued(code: string): Promise<boolean>;
  recordPurchase(request: PurchaseRequest, policy: PurchasePolicy): Promise<PurchaseOutcome>;
  refundPurchase(purchaseId: string, at: Date, policy: RefundPolicy): Promise<RefundOutcome>;
  findPurchase(purchaseId: string): Promise<PurchaseRecord | null>;
  /** Retires the member's lots that expired by `now`; returns the points taken. */
  expireDue(memberId: string, now: Date): Promise<number>;
  /** Gives `code` to the member unless a live (unused, unexpired at `now`) code holds that value. */
  issueCode(memberId: string, code: string, expiresAt: Date, now: Date): Promise<boolean>;
  loadRules(): Promise<ProgramRules>;
  saveRules(rules: ProgramRules): Promise<void>;
}

export interface LedgerLine {
  kind: string;
  delta: number;
  balanceAfter: number;
  createdAt: Date;
}

export interface Credit {
  memberId: string;
  kind: string;
  points: number;
  idempotencyKey: string;
  expiresAt: Date | null;
  /** When it happened, by the core's clock. */
  at: Date;
}

export interface LedgerPageEntry {
  /** The entry's place in the member's history: 1, 2, 3… */
  seq: number;
  kind: string;
  delta: number;
  balanceAfter: number;
  expiresAt: Date | null;
  createdAt: Date;
}

export interface LedgerPage {
  entries: LedgerPageEntry[];
  /** Pass as `before` to read the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** What the conversation and the API read of a member's ledger. */
export interface LedgerReads {
  /** One page of the ledger, newest first; `before` is the previous page's `nextBefore`. */
  ledgerPage(memberId: string, page: { limit: number; before?: number }): Promise<LedgerPage>;
  /** The balance right after a purchase, from its ledger line; null when it wrote none. */
  balanceAfterPurchase(purchase: { memberId: string; createdAt: Date }): Promise<number | null>;
  recentLedger(memberId: string, limit: number): Promise<LedgerLine[]>;
  /** Points still unspent in lots that expire before `before`, with the soonest date. */
  pointsExpiringBefore(memberId: string, before: Date): Promise<{ points: number; firstExpiry: Date | null }>;
}

/** A lot of points that expires soon, as a reminder needs it. */
export interface ExpiringLot {
  id: string;
  memberId: string;
  locale: Locale;
  /** Unspent points in the lot. */
  points: number;
  expiresAt: Date;
}

/** The expiry jobs' storage; every write is idempotent (a conditional update, an outbox dedupe key). */
export interface ExpiryStore {
  /** Members holding lots that expired by `now`, in id order after `after`. */
  membersWithExpiredLots(now: Date, after: string | null, limit: number): Promise<Page<string>>;
  /** Retires one member's expired lots; returns the points taken (0 when another run took them). */
  expireDue(memberId: string, now: Date): Promise<number>;
  /** Unspent lots expiring in (from, to] whose reminder was not written yet, in id order after `after`. */
  lotsToRemind(window: { from: Date; to: Date }, after: string | null, limit: number): Promise<Page<ExpiringLot>>;
  /** Writes a reminder once per dedupe key; false when it existed or the member cannot be reached. */
  remind(notification: ScheduledNotification, at: Date): Promise<boolean>;
}

/** What the expiry jobs are built from. */
export type ExpiryJobDeps = JobDeps & { expiry: ExpiryStore };

/** Points added or taken by hand (a goodwill gesture, a correction), with the reason staff gave. */
export interface AdjustmentRequest {
  memberId: string;
  /** Positive adds a lot of points, negative takes them (oldest expiry first); never 0. */
  points: number;
  reason: string;
  /** Who made it, for the audit log: `admin`, `key:<id>`, `account:<id>`. */
  actor: string;
  /** Unique per adjustment: a second request with it changes nothing and answers the first. */
  idempotencyKey: string;
  at: Date;
  /** When added points expire, if ever. */
  expiresAt: Date | null;
  /** The member's message, written to the outbox in the same transaction. */
  notify(member: MemberRecord, entry: AdjustmentEntry): Notification;
}

export interface AdjustmentEntry {
  seq: number;
  delta: number;
  balanceAfter: number;
  createdAt: Date;
}

export type AdjustmentOutcome =
  | { kind: 'adjusted' | 'replayed'; entry: AdjustmentEntry; member: MemberRecord }
  | { kind: 'member-not-found' }
  | { kind: 'member-erased' }
  /** Taking more than the balance; nothing changed. */
  | { kind: 'over-balance'; balance: number };

/** Adjustments' storage: ledger line, balance, audit entry and the member's message, all or nothing. */
export interface AdjustmentStore {
  adjust(request: AdjustmentRequest): Promise<AdjustmentOutcome>;
}
