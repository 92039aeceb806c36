import { answerTicket } from './answerTicket.ts';
import type { StaffRef } from './deskPorts.ts';
import type { StaffContext } from './staffContext.ts';
import type { StaffAnswer } from './staffDesk.ts';
import { ticketReference } from './ticketReference.ts';

const NOTE = /^note:\s*/i;

/** Whether staff meant the words for staff only: they start with "note:" (Slack's convention, honoured everywhere). */
export function isNote(text: string): boolean {
  return NOTE.test(text.trim());
}

/** The words of a note without its "note:". */
export function noteText(text: string): string {
  return text.trim().replace(NOTE, '');
}

/**
 * A staff member wrote in a ticket's thread. It goes to the customer, in
 * their language, unless it starts with "note:" (then it stays with staff).
 * A thread that is no ticket's is none of the desk's business.
 */
export async function replyInThread(
  context: StaffContext,
  { sourceKey, deskRef, by, text }: { sourceKey: string; deskRef: string; by: StaffRef; text: string },
): Promise<StaffAnswer> {
  const ticket = await context.deps.desk.store.findByDeskRef(deskRef);
  if (!ticket) return { ephemeral: null };
  const note = isNote(text);
  const outcome = await answerTicket(context, ticket, {
    sourceKey,
    by,
    text: note ? noteText(text) : text,
    note,
    named: true,
  });
  if (outcome === 'resolved')
    return { ephemeral: context.t('desk.replyToResolved', { ref: ticketReference(ticket.id) }) };
  return { ephemeral: null };
}
