import type { Translator } from '../../i18n/translator.ts';
import type { MemberRecord } from '../../members/membersPorts.ts';
import type { ProgramRules } from '../../program/programRules.ts';
import { decideAsking, dueAfterPurchase } from '../../surveys/askingPolicy.ts';
import { questionMessage } from '../../surveys/questionMessage.ts';
import { localDay } from '../../program/quietHours.ts';
import type { SurveyKind } from '../../surveys/surveyScores.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { PurchaseEvent, PurchaseReaction } from '../points/purchaseReactions.ts';
import { askingFactsInTransaction, askInTransaction } from './askInTransaction.ts';
import { scheduleInTransaction } from './scheduleInTransaction.ts';

/**
 * Surveys' reaction to a purchase: the NPS question (and the store's CSAT,
 * when the programme asks it) scheduled `afterPurchaseDays` later in the
 * purchase's own transaction, so a purchase that does not commit asks
 * nothing. Due at once (0 days, outside the quiet hours), it is asked in the
 * same transaction. A refund drops a question not asked yet.
 */
export function surveyReaction(translator: Translator, timezone: string): PurchaseReaction {
  return {
    name: 'survey-after-purchase',
    onPurchase: async (tx, event) => {
      for (const kind of kindsAfterPurchase(event.rules))
        await scheduleAfterPurchase(tx, event, kind, translator, timezone);
      return event.member;
    },
    onRefund: async (tx, event) => {
      await tx.surveyQuestion.updateMany({
        where: { purchaseId: event.purchase.id, status: 'scheduled' },
        data: { status: 'skipped' },
      });
      return event.member;
    },
  };
}

function kindsAfterPurchase(rules: ProgramRules): SurveyKind[] {
  return [...(rules.nps.afterPurchase ? ['nps' as const] : []), ...(rules.csat.afterPurchase ? ['csat' as const] : [])];
}

async function scheduleAfterPurchase(
  tx: Tx,
  { purchase, member, at, rules }: PurchaseEvent,
  kind: SurveyKind,
  translator: Translator,
  timezone: string,
): Promise<void> {
  const dueAt = dueAfterPurchase(kind, at, rules, timezone);
  const outcome = await scheduleInTransaction(tx, {
    memberId: member.id,
    kind,
    touchpoint: 'purchase',
    dedupeKey: `${kind}:purchase:${purchase.id}`,
    locale: member.locale,
    tier: member.tier,
    store: purchase.store ?? null,
    purchaseId: purchase.id,
    dueAt,
    minDaysBetween: kind === 'nps' ? rules.nps.minDaysBetween : rules.csat.minDaysBetween,
  });
  if (!('scheduled' in outcome) || dueAt.getTime() > at.getTime()) return;
  await askAtOnce(
    tx,
    { id: outcome.scheduled, member, kind, store: purchase.store ?? null },
    rules,
    at,
    translator,
    timezone,
  );
}

async function askAtOnce(
  tx: Tx,
  question: { id: string; member: MemberRecord; kind: SurveyKind; store: string | null },
  rules: ProgramRules,
  at: Date,
  translator: Translator,
  timezone: string,
): Promise<void> {
  const { id, member, kind } = question;
  const facts = await askingFactsInTransaction(tx, { id, memberId: member.id, kind, touchpoint: 'purchase' }, at);
  const decision = decideAsking({ kind, touchpoint: 'purchase', ...facts }, rules, at, timezone);
  // Anything but "ask now" is the job's to handle when the question falls due.
  if (!decision.ask) return;
  const t = translator.forLocale(member.locale);
  const message = questionMessage(t, { id, kind, touchpoint: 'purchase', store: question.store }, rules);
  await askInTransaction(tx, id, message, at, decision.expiresAt, localDay(at, timezone));
}
