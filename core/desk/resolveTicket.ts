import type { AuditRecord } from '../audit/auditPorts.ts';
import type { StaffRef, TicketRecord } from './deskPorts.ts';
import { refreshPost, threadPost, type StaffContext } from './staffContext.ts';
import { ratingButtons } from './ticketButtons.ts';
import { duration } from './ticketCard.ts';

export type ResolveOutcome =
  { outcome: 'resolved' | 'already-resolved'; ticket: TicketRecord } | { outcome: 'missing' };

/**
 * A staff member resolves a ticket, from whichever desk: the thread and the
 * ticket's message say so, and the customer is asked, in their language, to
 * rate the help. Resolving again changes nothing.
 */
export async function resolveTicket(
  { deps, t }: StaffContext,
  ticketId: string,
  by: StaffRef,
  options: { audit?: AuditRecord } = {},
): Promise<ResolveOutcome> {
  const { store } = deps.desk;
  const ticket = await store.find(ticketId);
  if (!ticket) return { outcome: 'missing' };
  const at = deps.clock();
  const customerT = deps.translator.forLocale(ticket.locale);
  const result = await store.resolve(
    ticketId,
    by,
    at,
    [
      refreshPost(ticketId, 'resolved'),
      threadPost(
        ticketId,
        'resolved',
        t('desk.thread.resolved', { name: by.name, duration: duration(ticket.openedAt, at, t) }),
      ),
    ],
    {
      dedupeKey: `desk:${ticketId}:rating-prompt`,
      message: { text: customerT('desk.resolved'), buttons: ratingButtons(ticketId) },
    },
    options.audit,
  );
  if (!result) return { outcome: 'missing' };
  return { outcome: result.resolved ? 'resolved' : 'already-resolved', ticket: result.ticket };
}
