import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import type { DeskDeps } from './deskPorts.ts';
import type { StaffRef, TicketRecord } from './deskPorts.ts';
import { lookUpForStaff } from './lookUpForStaff.ts';
import { pressButton } from './pressButton.ts';
import { replyInThread } from './replyInThread.ts';
import { refreshPost, threadPost, type StaffContext } from './staffContext.ts';
import { answerTicket, type AnswerOutcome, type StaffWords } from './answerTicket.ts';
import { takeTicket, type TakeOutcome } from './takeTicket.ts';
import { resolveTicket, type ResolveOutcome } from './resolveTicket.ts';
import type { AuditRecord } from '../audit/auditPorts.ts';
import { ticketCard, type DeskCard } from './ticketCard.ts';

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
 * The staff side of the desk, as a desk adapter (Slack) calls it: a reply in a
 * ticket's thread, the Take and Resolve buttons, the /loyalty command, and
 * the ticket's message as it should look now. Everything it changes goes
 * out through the outbox, so the desk or the customer's messenger being down
 * delays it but loses nothing.
 */
export interface StaffDesk {
  card(ticketId: string): Promise<{ card: DeskCard; deskRef: TicketRecord['deskRef'] } | null>;
  /** Where the desk shows the ticket (`deskRef` null until it is posted); null when there is no such ticket. */
  deskRefOf(ticketId: string): Promise<{ deskRef: TicketRecord['deskRef'] } | null>;
  setDeskRef(ticketId: string, deskRef: string): Promise<void>;
  /** A staff member wrote in the thread at `deskRef`; `sourceKey` is unique per desk message, so a retried event changes nothing. */
  reply(input: { sourceKey: string; deskRef: string; by: StaffRef; text: string }): Promise<StaffAnswer>;
  /** A staff member pressed a button of a ticket's message. */
  press(payload: string, by: StaffRef): Promise<StaffAnswer>;
  /** `/loyalty` (open tickets), `/loyalty <phone or card number>` (a member's card). */
  lookUp(query: string): Promise<string>;
  /**
   * A reply or a note written outside Slack (the desk inbox: REST API,
   * console), by ticket id; Slack's thread shows it too.
   */
  answer(ticketId: string, words: Omit<StaffWords, 'echo'>): Promise<AnswerOutcome | 'missing'>;
  /** Take, as the button does, from outside Slack; `named: false` keeps the name from the customer. */
  take(ticketId: string, by: StaffRef, options: { named: boolean; audit?: AuditRecord }): Promise<TakeOutcome>;
  /** Resolve, as the button does, from outside Slack. */
  resolve(ticketId: string, by: StaffRef, options: { audit?: AuditRecord }): Promise<ResolveOutcome>;
  /** For whoever is not in the staff channel. */
  refusal(): string;
  undeliverable(message: UndeliveredMessage, reason: string): Promise<void>;
}

export function createStaffDesk(deps: StaffDeskDeps): StaffDesk {
  const { store, settings } = deps.desk;
  const t = deps.translator.forLocale(settings.staffLocale);
  const context: StaffContext = { deps, t };
  return {
    async card(ticketId) {
      const view = await store.view(ticketId, 3);
      if (!view) return null;
      const { currency } = await deps.loadRules();
      return {
        card: ticketCard(view, {
          t,
          locale: settings.staffLocale,
          timezone: deps.settings.timezone,
          currency,
          showPhone: settings.showPhone,
        }),
        deskRef: view.ticket.deskRef,
      };
    },
    async deskRefOf(ticketId) {
      const ticket = await store.find(ticketId);
      return ticket && { deskRef: ticket.deskRef };
    },
    setDeskRef: (ticketId, deskRef) => store.setDeskRef(ticketId, deskRef),
    reply: (input) => replyInThread(context, input),
    press: (payload, by) => pressButton(context, payload, by),
    lookUp: (query) => lookUpForStaff(query, { ...deps, t }),
    ...outsideSlack(context),
    refusal: () => t('desk.notStaff'),
    async undeliverable(message, reason) {
      if (message.channel === 'desk' || !message.ticketId) return;
      deps.log.warn(
        { ticketId: message.ticketId, outboxId: message.id, reason },
        'desk: a staff answer could not be delivered to the customer',
      );
      await store.postToThread(
        message.ticketId,
        threadPost(message.ticketId, `undeliverable:${message.id}`, t('desk.thread.undeliverable')),
      );
      await store.postToThread(message.ticketId, refreshPost(message.ticketId, `undeliverable:${message.id}`));
    },
  };
}

/** Reply, Take and Resolve by ticket id, for the desk inbox; a reply or note shows in Slack's thread too. */
function outsideSlack(context: StaffContext): Pick<StaffDesk, 'answer' | 'take' | 'resolve'> {
  const { deps, t } = context;
  return {
    async answer(ticketId, words) {
      const ticket = await deps.desk.store.find(ticketId);
      if (!ticket) return 'missing';
      const said = words.note ? 'desk.thread.inboxNote' : 'desk.thread.inboxReply';
      const echo = {
        dedupeKey: `desk:${ticketId}:echo:${words.sourceKey}`,
        post: { kind: 'thread' as const, text: t(said, { name: words.by.name }), quote: words.text },
      };
      return answerTicket(context, ticket, { ...words, echo });
    },
    take: (ticketId, by, options) => takeTicket(context, ticketId, by, options),
    resolve: (ticketId, by, options) => resolveTicket(context, ticketId, by, options),
  };
}
