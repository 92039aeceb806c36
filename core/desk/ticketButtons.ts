import type { Translate } from '../i18n/translator.ts';
import type { Button } from '../outbound.ts';
import { menuPayload, payload } from '../payloads.ts';

/** While staff have the conversation, the one button left is the balance. */
export function ticketButtons(t: Translate): Button[][] {
  return [[{ label: t('menu.balance'), payload: menuPayload('balance') }]];
}

/** The member's rating of the help, one to five stars. */
export function ratingButtons(ticketId: string): Button[][] {
  return [[1, 2, 3, 4, 5].map((rating) => ({ label: `${rating} ⭐`, payload: payload.rate(ticketId, rating) }))];
}
