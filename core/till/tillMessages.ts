import type { Translate } from '../i18n/translator.ts';
import { formatCardNumber } from '../members/cardNumber.ts';
import { message, type Button, type Outbound } from '../outbound.ts';
import { tierFor } from '../points/tierFor.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { tillPayload } from './tillPayloads.ts';

/** The row under every till question: leaving is always one tap away. */
export function cancelRow(t: Translate): Button[] {
  return [{ label: t('till.cancelButton'), payload: tillPayload.cancel }];
}

export function askMember(t: Translate): Outbound {
  return message(t('till.askMember'), [cancelRow(t)]);
}

export function askAmount(t: Translate, currency: string): Outbound {
  return message(t('till.askAmount', { currency }), amountButtons(t));
}

/** While the till waits for the amount, the member is known: the cashier may also give them a code for their chat. */
export function amountButtons(t: Translate): Button[][] {
  return [[{ label: t('till.linkCodeButton'), payload: tillPayload.linkCode }], cancelRow(t)];
}

/** A button that opens the till, for menus and the end of a till session. */
export function openTillButton(t: Translate): Button {
  return { label: t('till.menuButton'), payload: tillPayload.open };
}

/** Who the member is, as the cashier needs it: name, card, tier, discount, balance, stamps. */
export function memberLines(t: Translate, rules: ProgramRules, member: MemberRecord): string[] {
  const tier = tierFor(rules, member);
  const lines = [
    t('till.member.name', { name: member.name, card: formatCardNumber(member.cardNumber) }),
    t('till.member.tier', { tier: t(`tier.${tier.code}`, { defaultValue: tier.code }), percent: tier.discountPercent }),
    t('till.member.balance', { points: t('points', { count: member.balance }) }),
  ];
  if (rules.stampCard.enabled)
    lines.push(t('till.member.stamps', { stamps: member.stamps, every: rules.stampCard.every }));
  return lines;
}

/** After a recorded purchase the till waits for the next member; closing it is one tap. */
export function askNextMember(t: Translate): Outbound {
  return message(t('till.askNextMember'), [[{ label: t('till.closeButton'), payload: tillPayload.cancel }]]);
}

/** The till is closed; it opens again with one tap or /till. */
export function tillClosed(t: Translate, key: 'till.closed' | 'till.cancelled'): Outbound {
  return message(t(key), [[openTillButton(t)]]);
}
