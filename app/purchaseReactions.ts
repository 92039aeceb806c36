import type { Translator } from '../core/i18n/translator.ts';
import type { PurchaseReaction } from '../core/storage/points/purchaseReactions.ts';
import { welcomeBonusReaction } from '../core/storage/members/welcomeBonusReaction.ts';
import { referralReaction } from '../core/storage/referral/referralReaction.ts';
import { surveyReaction } from '../core/storage/surveys/surveyReaction.ts';
import { defaultProgramSettings } from '../core/settings/programSettings.ts';
import { drawEntryReaction } from '../core/storage/contests/drawEntryReaction.ts';

/**
 * Every capability's reaction to a purchase, in the order they run inside
 * the purchase's transaction. A new capability that reacts to purchases
 * (draw entries, the NPS question…) adds its reaction here.
 */
export function purchaseReactions(
  translator: Translator,
  timezone: string = defaultProgramSettings.timezone,
): PurchaseReaction[] {
  return [
    welcomeBonusReaction(),
    referralReaction(translator),
    surveyReaction(translator, timezone),
    drawEntryReaction(),
  ];
}
