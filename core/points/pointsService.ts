import { createHash, randomInt } from 'node:crypto';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type {
  MemberReference,
  PointsStore,
  PurchaseOutcome,
  RefundOutcome,
  Refunder,
  ReplyToKeep,
  TierFigures,
} from './pointsPorts.ts';
import { purchaseNotifications, refundNotifications } from './purchaseNotifications.ts';
import { quotePurchase } from './quotePurchase.ts';
import { cachedRules } from './cachedRules.ts';
import { tierFor } from './tierFor.ts';
import { retry, TryAgainError } from '../errors.ts';

export interface PurchaseInput {
  member: MemberReference;
  receiptId: string;
  amount: number;
  redeemPoints: number;
  source: 'till' | 'api';
  /** The credential recording it (`key:<id>`, `admin`, `cashier:<staffId>`). */
  recordedBy: string;
  /** Where it was made, as the till labels it. */
  store?: string;
  till?: string;
  /** A reply to keep with the purchase in its transaction (the REST API's answer to an Idempotency-Key). */
  reply?: ReplyToKeep;
}

export interface PointsService {
  rules(): Promise<ProgramRules>;
  saveRules(rules: ProgramRules): Promise<void>;
  /** The member a reference names; a one-time code is claimed for `claimant`, so only its next purchase can use it. */
  findMember(reference: MemberReference, claimant?: string): Promise<MemberRecord | null>;
  /**
   * Why a one-time code named nobody: `expired` for a code issued and since
   * used up or expired (one answer for both, the member opens their card
   * again), `unknown` for one never issued.
   */
  whyNoMemberFor(code: string): Promise<'expired' | 'unknown'>;
  recordPurchase(input: PurchaseInput): Promise<PurchaseOutcome>;
  /** Refunds once; a `refunder` without `anyRefund` may refund only what their own credential recorded. */
  refund(purchaseId: string, refunder?: Refunder): Promise<RefundOutcome>;
  /** A fresh one-time code for the card screen, valid for the configured minutes. */
  issueCode(memberId: string): Promise<{ code: string; expiresAt: Date }>;
  /** The member as they stand now: lots that expired by now are retired first. */
  currentMember(memberId: string): Promise<MemberRecord | null>;
}

export interface PointsDeps {
  store: PointsStore;
  translator: Translator;
  clock: () => Date;
  log: Logger;
}

/** The points engine: purchases, refunds and codes, on top of the ledger. */
export function createPointsService(given: PointsDeps): PointsService {
  const rules = cachedRules(
    () => given.store.loadRules(),
    (changed) => given.store.saveRules(changed),
  );
  const deps: PointsDeps = { ...given, store: { ...given.store, loadRules: rules.get, saveRules: rules.save } };
  const { store, translator, clock } = deps;
  return {
    rules: () => store.loadRules(),
    saveRules: (rules) => store.saveRules(rules),
    findMember: (reference, claimant) => store.findMemberBy(reference, clock(), claimant),
    whyNoMemberFor: async (code) => ((await store.codeWasIssued(code)) ? 'expired' : 'unknown'),
    recordPurchase: (input) => recordPurchase(deps, input),
    refund: async (purchaseId, refunder) => {
      const current = await store.loadRules();
      return store.refundPurchase(purchaseId, clock(), {
        rules: current,
        tierOf: tierOf(current),
        notifyRefund: (p, m, tierBefore) => refundNotifications(translator, current, p, m, tierBefore),
        mayRefund: (recordedBy) => !refunder || refunder.anyRefund || recordedBy === refunder.credential,
      });
    },
    issueCode: (memberId) => issueCode(deps, memberId),
    currentMember: async (memberId) => {
      const now = clock();
      await store.expireDue(memberId, now);
      return store.findMemberBy({ memberId }, now);
    },
  };
}

async function recordPurchase(deps: PointsDeps, input: PurchaseInput): Promise<PurchaseOutcome> {
  const { store, translator, clock } = deps;
  const invalid = invalidAmounts(input);
  if (invalid) return { kind: 'invalid-request', detail: invalid };
  const rules = await store.loadRules();
  return store.recordPurchase(
    {
      purchaseId: crypto.randomUUID(),
      member: input.member,
      receiptId: input.receiptId,
      amount: input.amount,
      redeemPoints: input.redeemPoints,
      source: input.source,
      recordedBy: input.recordedBy,
      ...(input.store && { store: input.store }),
      ...(input.till && { till: input.till }),
      at: clock(),
      ...(input.reply && { reply: input.reply }),
    },
    {
      rules,
      tierOf: tierOf(rules),
      requestHash: (memberId) => requestHash({ ...input, memberId }),
      quote: (fresh) => quotePurchase(rules, { ...fresh, amount: input.amount, redeemPoints: input.redeemPoints }),
      notifyPurchase: (purchase, after) => purchaseNotifications(translator, rules, purchase, after),
    },
  );
}

/** Tier status follows lifetime figures under these rules (core/points/tierFor.ts). */
function tierOf(rules: ProgramRules): (figures: TierFigures) => string {
  return (figures) => tierFor(rules, figures).code;
}

/** Adapters validate too; the engine refuses on its own what would corrupt the ledger. */
function invalidAmounts(input: PurchaseInput): string | null {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    return 'amount must be a positive whole number of minor units';
  if (!Number.isSafeInteger(input.redeemPoints) || input.redeemPoints < 0)
    return 'redeemPoints must be a whole number, 0 or more';
  if (input.receiptId.trim() === '') return 'receiptId must not be empty';
  return null;
}

/**
 * What makes two purchase requests "the same": the receipt, the member it is
 * for and everything asked of it. The member counts, not how the till named
 * them: a retry that names by phone the member first named by card (or by
 * the one-time code the first request used up) is the same purchase.
 */
export function requestHash(request: {
  receiptId: string;
  memberId: string;
  amount: number;
  redeemPoints: number;
}): string {
  const canonical = JSON.stringify([request.receiptId, request.memberId, request.amount, request.redeemPoints]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function issueCode(deps: PointsDeps, memberId: string): Promise<{ code: string; expiresAt: Date }> {
  const rules = await deps.store.loadRules();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + rules.codeLifetimeMinutes * 60_000);
  const exhausted = () =>
    new Error('Could not find a free one-time code in 10 attempts: nearly every 6-digit value is held by a live code.');
  return retry({ attempts: 10, exhausted }, async () => {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (await deps.store.issueCode(memberId, code, expiresAt, now)) return { code, expiresAt };
    throw new TryAgainError('the one-time code is held by another member');
  });
}
