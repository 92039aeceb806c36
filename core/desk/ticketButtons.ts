import type { Translate } from '../i18n/translator.ts';
import type { Button } from '../outbound.ts';
import { payload } from '../payloads.ts';
import { deskPayload } from './deskPayloads.ts';

/** While a ticket is open the menu keeps working; the button under the desk's own replies is the way out. */
export function ticketButtons(t: Translate, ticketId: string): Button[][] {
  return [[{ label: t('desk.closeButton'), payload: deskPayload.close(ticketId) }]];
}

/** The member's rating of the help, one to five stars. */
export function ratingButtons(ticketId: string): Button[][] {
  return [[1, 2, 3, 4, 5].map((rating) => ({ label: `${rating} ⭐`, payload: payload.rate(ticketId, rating) }))];
}
