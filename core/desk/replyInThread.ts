import type { Translate } from '../i18n/translator.ts';
import type { DeskDraft, StaffRef } from './deskPorts.ts';
import type { StaffAnswer, StaffDeskDeps } from './staffDesk.ts';
import { ticketReference } from './ticketReference.ts';

/** What the staff side's operations share: their deps and the staff's language. */
export interface StaffContext {
  deps: StaffDeskDeps;
  t: Translate;
}

/** A post in a ticket's thread, once per cause. */
export const threadPost = (ticketId: string, cause: string, text: string): DeskDraft => ({
  dedupeKey: `desk:${ticketId}:${cause}`,
  post: { kind: 'thread', text },
});
/** The ticket's message shown anew, once per cause. */
export const refreshPost = (ticketId: string, cause: string): DeskDraft => ({
  dedupeKey: `desk:${ticketId}:refresh:${cause}`,
  post: { kind: 'refresh' },
});

const NOTE = /^note:\s*/i;

/**
 * A staff member wrote in a ticket's thread. It goes to the customer, in
 * their language, unless it starts with "note:" (then it stays with staff).
 * A thread that is no ticket's is none of the desk's business.
 */
export async function replyInThread(
  { deps, t }: StaffContext,
  { sourceKey, deskRef, by, text }: { sourceKey: string; deskRef: string; by: StaffRef; text: string },
): Promise<StaffAnswer> {
  const { store, settings } = deps.desk;
  const ticket = await store.findByDeskRef(deskRef);
  if (!ticket) return { ephemeral: null };
  const note = NOTE.test(text.trim());
  if (ticket.status === 'resolved' && !note)
    return { ephemeral: t('desk.replyToResolved', { ref: ticketReference(ticket.id) }) };
  const customerT = deps.translator.forLocale(ticket.locale);
  const answer = settings.showStaffName
    ? customerT('desk.staffReply', { name: by.name, text })
    : customerT('desk.staffReplyAnonymous', { text });
  const outcome = await store.addStaffMessage(
    {
      ticketId: ticket.id,
      sourceKey,
      author: note ? 'note' : 'staff',
      by,
      text: note ? text.trim().replace(NOTE, '') : text,
      at: deps.clock(),
    },
    note ? null : { dedupeKey: `desk:${ticket.id}:out:${sourceKey}`, message: { text: answer } },
    // The first answer assigns an untaken ticket and starts the response clock; the message shows both.
    !note && (ticket.status === 'open' || !ticket.firstResponseAt)
      ? [refreshPost(ticket.id, `reply:${sourceKey}`)]
      : [],
  );
  if (outcome === 'closed') return { ephemeral: t('desk.replyToResolved', { ref: ticketReference(ticket.id) }) };
  return { ephemeral: null };
}
