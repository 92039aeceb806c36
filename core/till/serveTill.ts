import { isCommand } from '../inbound.ts';
import { message, type Outbound } from '../outbound.ts';
import { answerAmountStep } from './answerAmountStep.ts';
import { answerMemberStep } from './answerMemberStep.ts';
import { chooseRedemption } from './chooseRedemption.ts';
import { confirmPurchase } from './confirmPurchase.ts';
import { cancelTill, openTill } from './openTill.ts';
import { parseTillPayload } from './tillPayloads.ts';
import { tillPrompt } from './tillPrompt.ts';
import type { TillTurn } from './tillTurn.ts';
import { showLinkCode } from './showLinkCode.ts';
import { PRIZE_COMMAND, redeemPrizeAtTill } from './redeemPrizeAtTill.ts';

/**
 * The till's state machine: /till and /cancel work at every step, buttons
 * act only on the screen that showed them, and anything else is the answer
 * to the question of the current step.
 */
export async function serveTill(turn: TillTurn): Promise<Outbound[]> {
  const { event } = turn.inbound;
  const press = event.kind === 'button' ? parseTillPayload(event.payload) : null;
  if (isCommand(event, 'till') || press?.kind === 'open') return openTill(turn);
  if (isCommand(event, 'cancel') || press?.kind === 'cancel') return cancelTill(turn);
  if (event.kind === 'command' && event.command === PRIZE_COMMAND) return redeemPrizeAtTill(turn, event.payload ?? '');
  if (press?.kind === 'confirm') return pressConfirm(turn, press.receiptId);
  if (press?.kind === 'linkCode') return showLinkCode(turn);
  if (press?.kind === 'earnOnly' || press?.kind === 'spend')
    return pressChoice(turn, press.ref, press.kind === 'spend');
  if (event.kind === 'button') return answerAgain(turn, 'till.staleButton');
  if (event.kind === 'command') return answerAgain(turn, 'till.busy');
  return answerInput(turn);
}

async function answerInput(turn: TillTurn): Promise<Outbound[]> {
  const { state } = turn.cashier;
  switch (state.step) {
    case 'idle':
      return [await tillPrompt(turn, state)];
    case 'member':
      return answerMemberStep(turn);
    case 'amount':
      return answerAmountStep(turn, state);
    case 'choice':
    case 'confirm':
      return answerAgain(turn, 'till.useButtons');
  }
}

function pressChoice(turn: TillTurn, ref: string, spend: boolean): Promise<Outbound[]> {
  const { state } = turn.cashier;
  if (state.step !== 'choice' || state.ref !== ref) return answerAgain(turn, 'till.staleButton');
  return chooseRedemption(turn, state, spend);
}

/** Only the summary on screen can be confirmed; a second tap on it after it was recorded is told so. */
function pressConfirm(turn: TillTurn, receiptId: string): Promise<Outbound[]> {
  const { state } = turn.cashier;
  if (state.step === 'confirm' && state.receiptId === receiptId) return confirmPurchase(turn, state);
  if ((state.step === 'idle' || state.step === 'member') && state.last === receiptId)
    return answerAgain(turn, 'till.alreadyRecorded');
  return answerAgain(turn, 'till.staleButton');
}

async function answerAgain(turn: TillTurn, key: string): Promise<Outbound[]> {
  return [message(turn.t(key)), await tillPrompt(turn, turn.cashier.state)];
}
