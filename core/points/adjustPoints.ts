import type { Translator } from '../i18n/translator.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import { lotExpiresAt } from './lotExpiresAt.ts';
import type { AdjustmentEntry, AdjustmentOutcome, AdjustmentStore } from './pointsPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';

/** What staff ask for: points (±) with a reason, once per idempotency key. */
export interface Adjustment {
  memberId: string;
  points: number;
  reason: string;
  actor: string;
  idempotencyKey: string;
}

export interface AdjustPointsDeps {
  store: AdjustmentStore;
  translator: Translator;
  rules: () => Promise<ProgramRules>;
  clock: () => Date;
}

/**
 * Adds or takes points by hand. Added points are a lot like any other, and
 * expire under the programme's rules; taken points come from the lots that
 * expire soonest. The member is told in their own language, with the reason.
 */
export function createAdjustPoints(deps: AdjustPointsDeps): (adjustment: Adjustment) => Promise<AdjustmentOutcome> {
  return async (adjustment) => {
    if (!Number.isSafeInteger(adjustment.points) || adjustment.points === 0)
      throw new RangeError(`An adjustment is a whole number of points other than 0, got ${adjustment.points}.`);
    const at = deps.clock();
    const rules = await deps.rules();
    return deps.store.adjust({
      ...adjustment,
      idempotencyKey: `adjustment:${adjustment.idempotencyKey}`,
      at,
      expiresAt: adjustment.points > 0 ? lotExpiresAt(rules, at) : null,
      notify: (member, entry) => adjustmentNotice(deps.translator, member, entry, adjustment.reason),
    });
  };
}

function adjustmentNotice(
  translator: Translator,
  member: MemberRecord,
  entry: AdjustmentEntry,
  reason: string,
): Notification {
  const t = translator.forLocale(member.locale);
  const points = t('points', { count: Math.abs(entry.delta) });
  const lines = [
    t(entry.delta > 0 ? 'adjustment.added' : 'adjustment.taken', { points }),
    t('adjustment.reason', { reason }),
    t('adjustment.balance', { points: t('points', { count: entry.balanceAfter }) }),
  ];
  return {
    memberId: member.id,
    dedupeKey: `adjustment:${member.id}:${entry.seq}`,
    message: { text: lines.join('\n') },
  };
}
