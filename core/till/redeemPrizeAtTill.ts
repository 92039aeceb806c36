import { formatPrizeCode, normalizePrizeCode } from '../contests/prizeCode.ts';
import { formatDate, formatTime } from '../menu/formatDate.ts';
import { message, type Outbound } from '../outbound.ts';
import { textIn } from '../quizzes/localizedText.ts';
import { tillPrompt } from './tillPrompt.ts';
import type { TillTurn } from './tillTurn.ts';

/** `/prize PRZ-ABCDE-FGHJK`: the cashier hands over a prize won in a draw or a contest. */
export const PRIZE_COMMAND = 'prize';

/**
 * Redeems a prize code once, whatever step the till is at (the purchase
 * under way stays as it was). Of two tills typing the same code, one hands
 * the prize over and the other is told when it already was.
 */
export async function redeemPrizeAtTill(turn: TillTurn, typed: string): Promise<Outbound[]> {
  const { t } = turn;
  const code = normalizePrizeCode(typed);
  const prompt = await tillPrompt(turn, turn.cashier.state);
  if (!turn.deps.prizes || !code) return [message(t('prizes.tillUsage')), prompt];
  const outcome = await turn.deps.prizes.redeem(code, `cashier:${turn.cashier.staffId}`, turn.now);
  switch (outcome.kind) {
    case 'redeemed': {
      const prize = textIn(outcome.name, turn.locale, turn.deps.settings.defaultLocale);
      return [message(t('prizes.tillRedeemed', { code: formatPrizeCode(code), prize })), prompt];
    }
    case 'already-redeemed': {
      const { timezone } = turn.deps.settings;
      const when = `${formatDate(outcome.redeemedAt, turn.locale, timezone, 'short')} ${formatTime(outcome.redeemedAt, turn.locale, timezone)}`;
      return [message(t('prizes.tillAlready', { code: formatPrizeCode(code), when })), prompt];
    }
    case 'lapsed':
      return [message(t('prizes.tillLapsed', { code: formatPrizeCode(code) })), prompt];
    case 'not-found':
      return [message(t('prizes.tillNotFound', { code: typed.trim() })), prompt];
  }
}
