import type { AuditRecord } from '../audit/auditPorts.ts';
import type { DeskDraft, StaffRef, TicketRecord } from './deskPorts.ts';
import { refreshPost, type StaffContext } from './staffContext.ts';

/** A staff member's words for a ticket, from whichever desk they work at. */
export interface StaffWords {
  /** Unique per desk message (a Slack event, an API request), so a retried one changes nothing. */
  sourceKey: string;
  by: StaffRef;
  text: string;
  /** Internal: stays with staff, never reaches the customer. */
  note: boolean;
  /**
   * Whether the customer may read `by.name` (when the desk shows names at
   * all): false for a credential with no person behind it (the admin token).
   */
  named: boolean;
  /** A post for the ticket's thread when the words were written elsewhere (the console), so Slack shows them too. */
  echo?: DeskDraft;
  audit?: AuditRecord;
}

export type AnswerOutcome = 'sent' | 'noted' | 'resolved' | 'duplicate' | 'missing';

/**
 * What a staff reply does, wherever it was written: it goes to the customer
 * through the outbox, in their language, counts as the first response and
 * assigns a ticket nobody took; a note stays with staff. A resolved ticket
 * takes notes only.
 */
export async function answerTicket(
  { deps }: StaffContext,
  ticket: TicketRecord,
  words: StaffWords,
): Promise<AnswerOutcome> {
  const { store, settings } = deps.desk;
  const { sourceKey, by, text, note } = words;
  if (ticket.status === 'resolved' && !note) return 'resolved';
  const customerT = deps.translator.forLocale(ticket.locale);
  const answer =
    settings.showStaffName && words.named
      ? customerT('desk.staffReply', { name: by.name, text })
      : customerT('desk.staffReplyAnonymous', { text });
  // The first answer assigns an untaken ticket and starts the response clock; the ticket's message shows both.
  const refresh = !note && (ticket.status === 'open' || !ticket.firstResponseAt);
  const outcome = await store.addStaffMessage(
    { ticketId: ticket.id, sourceKey, author: note ? 'note' : 'staff', by, text, at: deps.clock() },
    note ? null : { dedupeKey: `desk:${ticket.id}:out:${sourceKey}`, message: { text: answer } },
    [...(words.echo ? [words.echo] : []), ...(refresh ? [refreshPost(ticket.id, `reply:${sourceKey}`)] : [])],
    words.audit,
  );
  if (outcome === 'closed') return 'resolved';
  if (outcome === 'added') return note ? 'noted' : 'sent';
  return outcome;
}
