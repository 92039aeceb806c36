import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings.ts';
import type { DeskDeps } from './deskDeps.ts';
import type { DeskDraft, StaffRef, TicketRecord } from './deskPorts.ts';
import { parseDeskPayload } from './deskPayloads.ts';
import { lookUpForStaff } from './lookUpForStaff.ts';
import { ratingButtons } from './ticketButtons.ts';
import { duration, ticketCard, type DeskCard } from './ticketCard.ts';
import { ticketReference } from './ticketReference.ts';

export interface StaffDeskDeps {
  desk: DeskDeps;
  translator: Translator;
  settings: Pick<ProgramSettings, 'timezone' | 'phoneRegion'>;
  loadRules: () => Promise<ProgramRules>;
  clock: () => Date;
  log: Logger;
}

/** What the staff member who acted is told privately; null when the thread itself shows the effect. */
export interface StaffAnswer {
  ephemeral: string | null;
}

/** A message from the outbox that will never reach the customer. */
export interface UndeliveredMessage {
  id: string;
  channel: string;
  ticketId: string | null;
}

/**
 * The staff side of the desk, as the Slack adapter calls it: a reply in a
 * ticket's thread, the Take and Resolve buttons, the /loyalty command, and
 * the ticket's message as it should look now. Everything it changes goes
 * out through the outbox, so Slack or the customer's messenger being down
 * delays it but loses nothing.
 */
export interface StaffDesk {
  card(ticketId: string): Promise<{ card: DeskCard; slack: TicketRecord['slack'] } | null>;
  setSlackMessage(ticketId: string, channel: string, ts: string): Promise<void>;
  /** A staff member wrote in a thread; `sourceKey` is unique per Slack message, so a retried event changes nothing. */
  reply(input: { sourceKey: string; threadTs: string; by: StaffRef; text: string }): Promise<StaffAnswer>;
  /** A staff member pressed a button of a ticket's message. */
  press(payload: string, by: StaffRef): Promise<StaffAnswer>;
  /** `/loyalty` (open tickets), `/loyalty <phone or card number>` (a member's card). */
  lookUp(query: string): Promise<string>;
  /** For whoever is not in the staff channel. */
  refusal(): string;
  undeliverable(message: UndeliveredMessage, reason: string): Promise<void>;
}

const NOTE = /^note:\s*/i;

export function createStaffDesk(deps: StaffDeskDeps): StaffDesk {
  const { store, settings } = deps.desk;
  const t = deps.translator.forLocale(settings.staffLocale);
  const thread = (ticketId: string, cause: string, text: string): DeskDraft => ({ dedupeKey: `desk:${ticketId}:${cause}`, post: { kind: 'thread', text } });
  const refresh = (ticketId: string, cause: string): DeskDraft => ({ dedupeKey: `desk:${ticketId}:refresh:${cause}`, post: { kind: 'refresh' } });

  async function reply({ sourceKey, threadTs, by, text }: { sourceKey: string; threadTs: string; by: StaffRef; text: string }): Promise<StaffAnswer> {
    const ticket = await store.findBySlackTs(threadTs);
    if (!ticket) return { ephemeral: null };
    const note = NOTE.test(text.trim());
    if (ticket.status === 'resolved' && !note) return { ephemeral: t('desk.replyToResolved', { ref: ticketReference(ticket.id) }) };
    const customerT = deps.translator.forLocale(ticket.locale);
    const answer = settings.showStaffName ? customerT('desk.staffReply', { name: by.name, text }) : customerT('desk.staffReplyAnonymous', { text });
    const outcome = await store.addStaffMessage(
      { ticketId: ticket.id, sourceKey, author: note ? 'note' : 'staff', by, text: note ? text.trim().replace(NOTE, '') : text, at: deps.clock() },
      note ? null : { dedupeKey: `desk:${ticket.id}:out:${sourceKey}`, message: { text: answer } },
      // The first answer assigns an untaken ticket and starts the response clock; the message shows both.
      !note && (ticket.status === 'open' || !ticket.firstResponseAt) ? [refresh(ticket.id, `reply:${sourceKey}`)] : [],
    );
    if (outcome === 'closed') return { ephemeral: t('desk.replyToResolved', { ref: ticketReference(ticket.id) }) };
    return { ephemeral: null };
  }

  async function press(payload: string, by: StaffRef): Promise<StaffAnswer> {
    const action = parseDeskPayload(payload);
    if (!action) return { ephemeral: t('desk.unknownAction') };
    const { ticketId } = action;
    const at = deps.clock();
    if (action.action === 'take') {
      const result = await store.take(ticketId, by, at, [refresh(ticketId, `take:${by.id}`), thread(ticketId, 'taken', t('desk.thread.taken', { name: by.name }))]);
      if (!result) return { ephemeral: t('desk.ticketGone') };
      if (result.taken || result.ticket.assignee?.id === by.id) return { ephemeral: null };
      if (result.ticket.status === 'resolved') return { ephemeral: t('desk.alreadyResolved', { ref: ticketReference(ticketId) }) };
      return { ephemeral: t('desk.alreadyTaken', { ref: ticketReference(ticketId), name: result.ticket.assignee?.name ?? '—' }) };
    }
    const ticket = await store.find(ticketId);
    if (!ticket) return { ephemeral: t('desk.ticketGone') };
    const customerT = deps.translator.forLocale(ticket.locale);
    const result = await store.resolve(
      ticketId,
      by,
      at,
      [refresh(ticketId, 'resolved'), thread(ticketId, 'resolved', t('desk.thread.resolved', { name: by.name, duration: duration(ticket.openedAt, at, t) }))],
      { dedupeKey: `desk:${ticketId}:rating-prompt`, message: { text: customerT('desk.resolved'), buttons: ratingButtons(ticketId) } },
    );
    if (!result) return { ephemeral: t('desk.ticketGone') };
    return result.resolved ? { ephemeral: null } : { ephemeral: t('desk.alreadyResolved', { ref: ticketReference(ticketId) }) };
  }

  return {
    async card(ticketId) {
      const view = await store.view(ticketId, 3);
      if (!view) return null;
      const { currency } = await deps.loadRules();
      return { card: ticketCard(view, { t, locale: settings.staffLocale, timezone: deps.settings.timezone, currency }), slack: view.ticket.slack };
    },
    setSlackMessage: (ticketId, channel, ts) => store.setSlackMessage(ticketId, channel, ts),
    reply,
    press,
    lookUp: (query) => lookUpForStaff(query, { ...deps, t }),
    refusal: () => t('desk.notStaff'),
    async undeliverable(message, reason) {
      if (message.channel === 'slack' || !message.ticketId) return;
      deps.log.warn({ ticketId: message.ticketId, outboxId: message.id, reason }, 'desk: a staff answer could not be delivered to the customer');
      await store.postToThread(message.ticketId, thread(message.ticketId, `undeliverable:${message.id}`, t('desk.thread.undeliverable')));
      await store.postToThread(message.ticketId, refresh(message.ticketId, `undeliverable:${message.id}`));
    },
  };
}
