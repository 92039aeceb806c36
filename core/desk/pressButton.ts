import type { StaffRef } from './deskPorts.ts';
import { parseDeskPayload } from './deskPayloads.ts';
import { resolveTicket } from './resolveTicket.ts';
import type { StaffContext } from './staffContext.ts';
import type { StaffAnswer } from './staffDesk.ts';
import { takeTicket } from './takeTicket.ts';
import { ticketReference } from './ticketReference.ts';

/**
 * Take or Resolve on a ticket's message. A second Take tells the presser
 * who has it; resolving asks the customer to rate the help.
 */
export async function pressButton(context: StaffContext, payload: string, by: StaffRef): Promise<StaffAnswer> {
  const { t } = context;
  const action = parseDeskPayload(payload);
  if (!action) return { ephemeral: t('desk.unknownAction') };
  const ref = ticketReference(action.ticketId);
  if (action.action === 'take') {
    const result = await takeTicket(context, action.ticketId, by);
    switch (result.outcome) {
      case 'missing':
        return { ephemeral: t('desk.ticketGone') };
      case 'taken':
      case 'yours':
        return { ephemeral: null };
      case 'resolved':
        return { ephemeral: t('desk.alreadyResolved', { ref }) };
      case 'taken-by-other':
        return { ephemeral: t('desk.alreadyTaken', { ref, name: result.ticket.assignee?.name ?? '—' }) };
    }
  }
  const result = await resolveTicket(context, action.ticketId, by);
  if (result.outcome === 'missing') return { ephemeral: t('desk.ticketGone') };
  return result.outcome === 'resolved' ? { ephemeral: null } : { ephemeral: t('desk.alreadyResolved', { ref }) };
}
