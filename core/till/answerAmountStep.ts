import { randomBytes } from 'node:crypto';
import { message, type Outbound } from '../outbound.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { MAX_AMOUNT, parseAmount } from './parseAmount.ts';
import { askAmount, askMember } from './tillMessages.ts';
import { choiceScreen } from './tillScreens.ts';
import type { MemberAtTill } from './tillState.ts';
import { moneyIn, saveTillState, type TillTurn } from './tillTurn.ts';

const amountErrorKeys = {
  unreadable: 'till.amountError.unreadable',
  'not-positive': 'till.amountError.notPositive',
  'too-large': 'till.amountError.tooLarge',
} as const;

/** The cashier types the receipt total; the till offers to earn, or to spend points and earn on the rest. */
export async function answerAmountStep(turn: TillTurn, state: MemberAtTill): Promise<Outbound[]> {
  const { t, deps, inbound } = turn;
  const rules = await deps.points.rules();
  const parsed = parseAmount(inbound.event.kind === 'text' ? inbound.event.text : '');
  if (!parsed.ok) {
    const max = moneyIn(turn, rules)(MAX_AMOUNT);
    return [message(t(amountErrorKeys[parsed.reason], { max })), askAmount(t, rules.currency)];
  }
  const loaded = await loadMemberAtTill(turn, state.memberId);
  if (!loaded) {
    await saveTillState(turn, { v: 1, step: 'member' });
    return [message(t('till.memberGone')), askMember(t)];
  }
  const next = { ...state, step: 'choice' as const, amount: parsed.minorUnits, ref: newScreenRef() };
  await saveTillState(turn, next);
  return [choiceScreen(turn, loaded.rules, loaded.member, next)];
}

/** A short random token that ties the earn/spend buttons to the screen that showed them. */
export function newScreenRef(): string {
  return randomBytes(6).toString('base64url');
}
