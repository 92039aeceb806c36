import type { CustomerDraft, StaffRef } from './deskPorts.ts';
import { parseDeskPayload } from './deskPayloads.ts';
import { refreshPost, threadPost, type StaffContext } from './replyInThread.ts';
import type { StaffAnswer } from './staffDesk.ts';
import { ratingButtons } from './ticketButtons.ts';
import { duration } from './ticketCard.ts';
import { ticketReference } from './ticketReference.ts';

/** The customer learns that a person has their request, so the wait is not silent. */
async function takenNotice(
  deps: StaffContext['deps'],
  ticketId: string,
  by: StaffRef,
): Promise<CustomerDraft | undefined> {
  const ticket = await deps.desk.store.find(ticketId);
  if (!ticket || ticket.status !== 'open') return undefined;
  const t = deps.translator.forLocale(ticket.locale);
  const text = deps.desk.settings.showStaffName ? t('desk.takenBy', { name: by.name }) : t('desk.takenAnonymous');
  return { dedupeKey: `desk:${ticketId}:taken-notice`, message: { text } };
}

/**
 * Take or Resolve on a ticket's message. A second Take tells the presser
 * who has it; resolving asks the customer to rate the help.
 */
export async function pressButton({ deps, t }: StaffContext, payload: string, by: StaffRef): Promise<StaffAnswer> {
  const { store } = deps.desk;
  const action = parseDeskPayload(payload);
  if (!action) return { ephemeral: t('desk.unknownAction') };
  const { ticketId } = action;
  const at = deps.clock();
  if (action.action === 'take') {
    const result = await store.take(
      ticketId,
      by,
      at,
      [
        refreshPost(ticketId, `take:${by.id}`),
        threadPost(ticketId, 'taken', t('desk.thread.taken', { name: by.name })),
      ],
      await takenNotice(deps, ticketId, by),
    );
    if (!result) return { ephemeral: t('desk.ticketGone') };
    if (result.taken || result.ticket.assignee?.id === by.id) return { ephemeral: null };
    if (result.ticket.status === 'resolved')
      return { ephemeral: t('desk.alreadyResolved', { ref: ticketReference(ticketId) }) };
    return {
      ephemeral: t('desk.alreadyTaken', { ref: ticketReference(ticketId), name: result.ticket.assignee?.name ?? '—' }),
    };
  }
  const ticket = await store.find(ticketId);
  if (!ticket) return { ephemeral: t('desk.ticketGone') };
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
  );
  if (!result) return { ephemeral: t('desk.ticketGone') };
  return result.resolved
    ? { ephemeral: null }
    : { ephemeral: t('desk.alreadyResolved', { ref: ticketReference(ticketId) }) };
}
