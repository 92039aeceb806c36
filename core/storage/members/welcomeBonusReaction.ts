import type { MemberRecord } from '../../members/membersPorts.ts';
import { welcomeBonus } from '../../members/welcomeBonus.ts';
import type { Tx } from '../db/openDatabase.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import type { PurchaseEvent, PurchaseReaction } from '../points/purchaseReactions.ts';
import { toMemberRecord } from './records.ts';
import { welcomeWithheld } from '../privacy/erasedPhones.ts';

/**
 * The welcome bonus of a member who did not get it at enrolment (a typed
 * number, or `welcomeBonusRequires: first-purchase`), credited at their first
 * purchase, where a person is present at the till. Its ledger key is the
 * enrolment's own (`welcome:<id>`), so no member gets it twice. A refund
 * leaves it: the visit happened.
 */
export function welcomeBonusReaction(): PurchaseReaction {
  return { name: 'welcome-bonus-at-first-purchase', onPurchase: creditWelcomeOnFirstPurchase };
}

async function creditWelcomeOnFirstPurchase(tx: Tx, event: PurchaseEvent): Promise<MemberRecord> {
  const { member, rules, at } = event;
  const bonus = welcomeBonus(rules, at);
  if (member.purchaseCount !== 1 || !bonus) return member;
  const idempotencyKey = `welcome:${member.id}`;
  if ((await tx.ledgerEntry.count({ where: { idempotencyKey } })) > 0) return member;
  // The same phone had a welcome bonus before its member's data was erased (core/storage/privacy/).
  if (await welcomeWithheld(tx, member.phone, at)) return member;
  const row = await creditInTransaction(tx, { memberId: member.id, kind: 'welcome', ...bonus, idempotencyKey, at });
  return toMemberRecord(row);
}
