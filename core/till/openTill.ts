import { message, type Outbound } from '../outbound.ts';
import { askMember, tillClosed } from './tillMessages.ts';
import { lastReceiptOf } from './tillState.ts';
import { saveTillState, type TillTurn } from './tillTurn.ts';

/** /till or the Till button: a new purchase, starting with who the member is. */
export async function openTill(turn: TillTurn): Promise<Outbound[]> {
  const { t } = turn;
  const { state } = turn.cashier;
  const discarded = state.step === 'amount' || state.step === 'choice' || state.step === 'confirm';
  await saveTillState(turn, { v: 1, step: 'member', ...lastReceiptOf(state) });
  return discarded ? [message(t('till.discarded')), askMember(t)] : [askMember(t)];
}

/** /cancel or Cancel: nothing is recorded and the till closes. */
export async function cancelTill(turn: TillTurn): Promise<Outbound[]> {
  const { t } = turn;
  const { state } = turn.cashier;
  if (state.step === 'idle') return [tillClosed(t, 'till.closed')];
  await saveTillState(turn, { v: 1, step: 'idle', ...lastReceiptOf(state) });
  return [tillClosed(t, 'till.cancelled')];
}
