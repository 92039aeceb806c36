import type { Turn } from '../conversation/turn.ts';
import type { Outbound } from '../outbound.ts';
import { offersPayload } from './offersPayloads.ts';

/**
 * The version of the question's text in `locales/` (`offers.question`),
 * recorded with every answer as proof of what was agreed to. Change it
 * whenever that text changes.
 */
export const OFFERS_TEXT_VERSION = 'offers-2026-12';

/**
 * Asked once, right after registration, on the menu that closes it: one tap
 * either way, "no" as easy as "yes", and nothing else waits for the answer.
 */
export function withOffersQuestion(turn: Turn, menu: Outbound): Outbound {
  const { t } = turn;
  const answers = [
    { label: t('offers.yes'), payload: offersPayload('yes') },
    { label: t('offers.no'), payload: offersPayload('no') },
  ];
  return {
    ...menu,
    text: `${t('offers.question')}\n\n${menu.text}`,
    buttons: [answers, ...(menu.buttons ?? [])],
    ...(menu.menuFrom !== undefined && { menuFrom: menu.menuFrom + 1 }),
  };
}
