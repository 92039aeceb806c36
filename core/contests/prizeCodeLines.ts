import type { Turn } from '../conversation/turn.ts';
import { textIn } from '../quizzes/localizedText.ts';
import { formatPrizeCode } from './prizeCode.ts';

/**
 * The member's prize codes not yet redeemed, as lines under their card:
 * the card screen is what a member shows at the till, so the code is there.
 * Empty when they have none.
 */
export async function prizeCodeLines(turn: Turn, memberId: string): Promise<string> {
  const codes = (await turn.deps.prizes?.unredeemedCodes(memberId)) ?? [];
  if (codes.length === 0) return '';
  const lines = codes.map((prize) =>
    turn.t('prizes.cardLine', {
      prize: textIn(prize.name, turn.locale, turn.deps.settings.defaultLocale),
      code: formatPrizeCode(prize.code),
    }),
  );
  return `\n\n${turn.t('prizes.cardHeading')}\n${lines.join('\n')}`;
}
