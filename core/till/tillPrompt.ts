import { message, type Outbound } from '../outbound.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { askAmount, askMember, cancelRow, tillClosed } from './tillMessages.ts';
import { choiceScreen, quoteFor, summaryScreen } from './tillScreens.ts';
import type { TillState } from './tillState.ts';
import type { TillTurn } from './tillTurn.ts';

/**
 * The question the till is waiting on, asked again after an input it could
 * not use. It changes nothing: the buttons it shows are the ones already
 * valid for this step (the same `ref`, the same receipt).
 */
export async function tillPrompt(turn: TillTurn, state: TillState): Promise<Outbound> {
  const { t } = turn;
  switch (state.step) {
    case 'idle':
      return tillClosed(t, 'till.closed');
    case 'member':
      return askMember(t);
    case 'amount':
      return askAmount(t, (await turn.deps.points.rules()).currency);
    case 'choice':
    case 'confirm':
      return screenFor(turn, state);
  }
}

async function screenFor(turn: TillTurn, state: Extract<TillState, { step: 'choice' | 'confirm' }>): Promise<Outbound> {
  const { t } = turn;
  const loaded = await loadMemberAtTill(turn, state.memberId);
  if (!loaded) return message(t('till.memberGone'), [cancelRow(t)]);
  const { rules, member } = loaded;
  if (state.step === 'choice') return choiceScreen(turn, rules, member, state);
  const quote = quoteFor(rules, member, state.amount, state.redeemPoints);
  // The balance fell since the summary: Confirm now gets the engine's refusal, which offers the new choice.
  if (!quote.ok)
    return message(t('till.redeemChanged', { points: t('points', { count: quote.maxRedeemable }) }), [cancelRow(t)]);
  return summaryScreen(turn, rules, member, state, quote);
}
