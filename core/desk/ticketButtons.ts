import type { Translate } from '../i18n/translator.ts';
import type { Button } from '../outbound.ts';
import { payload } from '../payloads.ts';
import { deskPayload } from './deskPayloads.ts';
import { backToMenuRow } from '../menu/mainMenu.ts';

/** While a ticket is open the menu keeps working: under the desk's own replies, the way out and the way back. */
export function ticketButtons(t: Translate, ticketId: string): Button[][] {
  return [[{ label: t('desk.closeButton'), payload: deskPayload.close(ticketId) }], backToMenuRow(t)];
}

/** The member's rating of the help, one to five stars. */
export function ratingButtons(ticketId: string): Button[][] {
  return [[1, 2, 3, 4, 5].map((rating) => ({ label: `${rating} ⭐`, payload: payload.rate(ticketId, rating) }))];
}
