import type { AuditRecord } from '../audit/auditPorts.ts';
import type { CustomerDraft, StaffRef, TicketRecord } from './deskPorts.ts';
import { refreshPost, threadPost, type StaffContext } from './staffContext.ts';

/** How a Take went: `taken` now, `yours` already, `taken-by-other` (the ticket names who), `resolved`, or `missing`. */
export type TakeOutcome =
  { outcome: 'taken' | 'yours' | 'taken-by-other' | 'resolved'; ticket: TicketRecord } | { outcome: 'missing' };

/**
 * A staff member takes an open ticket, from whichever desk: the thread says
 * so, the ticket's message shows who has it, and the customer learns that a
 * person has their request. A second Take changes nothing.
 */
export async function takeTicket(
  { deps, t }: StaffContext,
  ticketId: string,
  by: StaffRef,
  options: { named: boolean; audit?: AuditRecord } = { named: true },
): Promise<TakeOutcome> {
  const result = await deps.desk.store.take(
    ticketId,
    by,
    deps.clock(),
    [refreshPost(ticketId, `take:${by.id}`), threadPost(ticketId, 'taken', t('desk.thread.taken', { name: by.name }))],
    await takenNotice({ deps, t }, ticketId, by, options.named),
    options.audit,
  );
  if (!result) return { outcome: 'missing' };
  const { ticket } = result;
  if (result.taken) return { outcome: 'taken', ticket };
  if (ticket.assignee?.id === by.id) return { outcome: 'yours', ticket };
  return { outcome: ticket.status === 'resolved' ? 'resolved' : 'taken-by-other', ticket };
}

/** The customer learns that a person has their request, so the wait is not silent. */
async function takenNotice(
  { deps }: StaffContext,
  ticketId: string,
  by: StaffRef,
  named: boolean,
): Promise<CustomerDraft | undefined> {
  const ticket = await deps.desk.store.find(ticketId);
  if (!ticket || ticket.status !== 'open') return undefined;
  const t = deps.translator.forLocale(ticket.locale);
  const text =
    deps.desk.settings.showStaffName && named ? t('desk.takenBy', { name: by.name }) : t('desk.takenAnonymous');
  return { dedupeKey: `desk:${ticketId}:taken-notice`, message: { text } };
}
