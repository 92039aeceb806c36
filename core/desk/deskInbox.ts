import type { AuditRecord } from '../audit/auditPorts.ts';
import { imageTypeOf, type ImageType } from '../imageTypeOf.ts';
import type { Channel } from '../inbound.ts';
import type { Logger } from '../logger.ts';
import type { Translate } from '../i18n/translator.ts';
import type { AnswerOutcome } from './answerTicket.ts';
import type {
  DeskStore,
  PhotoSource,
  StaffRef,
  TicketCursor,
  TicketListItem,
  TicketMessageRecord,
  TicketStatus,
  TicketView,
} from './deskPorts.ts';
import type { DeskPresence } from './deskPresence.ts';
import { isNote, noteText } from './replyInThread.ts';
import type { ResolveOutcome } from './resolveTicket.ts';
import type { StaffDesk } from './staffDesk.ts';
import type { TakeOutcome } from './takeTicket.ts';

/**
 * Who works the inbox: the staff member as the desk shows them, whether the
 * customer may read their name (a person, not the admin token), and the
 * credential the audit log names (`admin`, `key:<id>`, later `account:<id>`).
 */
export interface InboxActor {
  by: StaffRef;
  named: boolean;
  credential: string;
}

/** A ticket with its whole conversation, as the inbox shows it. */
export interface InboxConversation extends TicketView {
  messages: TicketMessageRecord[];
}

export type InboxPhoto =
  { bytes: Uint8Array; type: ImageType | 'application/octet-stream' } | 'missing' | 'unavailable';

/**
 * The staff desk without Slack: what the REST API (and the console on it)
 * reads and does. Replies, notes, Take and Resolve are the Slack desk's own
 * operations (staffDesk.ts), audited; every call counts as someone at the
 * desk (deskPresence.ts).
 */
export interface DeskInbox {
  /** Staff see whole phone numbers (DESK_SHOW_PHONE), else the last four digits. */
  readonly showPhone: boolean;
  /** The actor for an API credential (`admin`, `key:<id>`): no person the customer could be told the name of. */
  credentialActor(credential: string): InboxActor;
  list(query: { status: TicketStatus; limit: number; after?: TicketCursor }): Promise<TicketListItem[]>;
  conversation(ticketId: string): Promise<InboxConversation | null>;
  photo(ticketId: string, messageId: string): Promise<InboxPhoto>;
  /** Tickets changed at `since` or later, at most `limit`. */
  changedSince(since: Date, limit: number): Promise<TicketListItem[]>;
  reply(
    ticketId: string,
    actor: InboxActor,
    words: { text: string; note: boolean },
  ): Promise<AnswerOutcome | 'missing'>;
  take(ticketId: string, actor: InboxActor): Promise<TakeOutcome>;
  resolve(ticketId: string, actor: InboxActor): Promise<ResolveOutcome>;
}

export interface DeskInboxDeps {
  store: DeskStore;
  staffDesk: StaffDesk;
  presence: DeskPresence;
  photos: Partial<Record<Channel, PhotoSource>>;
  clock: () => Date;
  log: Logger;
  /** A fresh id per reply, so the reply is written once however the request is retried. */
  newId: () => string;
  /** The staff's language, for the names of credentials in Slack's thread. */
  staffT: Translate;
  showPhone: boolean;
}

export function createDeskInbox(deps: DeskInboxDeps): DeskInbox {
  const { store } = deps;
  const present = presentIn(deps);
  return {
    showPhone: deps.showPhone,
    credentialActor: (credential) => credentialActor(deps, credential),
    list: (query) => present(() => store.list(query)),
    conversation: (ticketId) => present(() => conversation(store, ticketId)),
    photo: (ticketId, messageId) => present(() => photo(deps, ticketId, messageId)),
    changedSince: (since, limit) => present(() => store.changedSince(since, limit)),
    ...inboxActions(deps, present),
  };
}

type Present = <T>(work: () => Promise<T>) => Promise<T>;

/** Runs a call of the inbox, noting first that someone is at the desk. */
function presentIn({ presence }: DeskInboxDeps): Present {
  return async (work) => {
    await presence.seen();
    return work();
  };
}

/** Reply, Take and Resolve: the Slack desk's own operations by ticket id, each audited. */
function inboxActions(deps: DeskInboxDeps, present: Present): Pick<DeskInbox, 'reply' | 'take' | 'resolve'> {
  const { staffDesk } = deps;
  return {
    reply: (ticketId, actor, { text, note }) =>
      present(() => {
        // "note:" keeps words internal in Slack; typed here out of habit, it must not reach the customer either.
        const internal = note || isNote(text);
        const action = internal ? 'ticket.noted' : 'ticket.replied';
        return staffDesk.answer(ticketId, {
          sourceKey: `inbox:${deps.newId()}`,
          by: actor.by,
          text: isNote(text) ? noteText(text) : text,
          note: internal,
          named: actor.named,
          audit: auditOf(deps, actor, ticketId, action, null, { note: internal }),
        });
      }),
    take: (ticketId, actor) =>
      present(() =>
        staffDesk.take(ticketId, actor.by, {
          named: actor.named,
          audit: auditOf(deps, actor, ticketId, 'ticket.taken', { status: 'open' }, { status: 'taken' }),
        }),
      ),
    resolve: (ticketId, actor) =>
      present(() =>
        staffDesk.resolve(ticketId, actor.by, {
          audit: auditOf(deps, actor, ticketId, 'ticket.resolved', null, { status: 'resolved' }),
        }),
      ),
  };
}

/** An API credential at the desk: named for staff in their language, never for the customer. */
function credentialActor(deps: DeskInboxDeps, credential: string): InboxActor {
  const name =
    credential === 'admin'
      ? deps.staffT('desk.inbox.admin')
      : deps.staffT('desk.inbox.apiKey', { id: credential.replace(/^key:/, '').slice(0, 8) });
  return { by: { id: credential, name }, named: false, credential };
}

async function conversation(store: DeskStore, ticketId: string): Promise<InboxConversation | null> {
  const view = await store.view(ticketId, 3);
  return view && { ...view, messages: await store.messages(ticketId) };
}

/** A customer's photo, fetched the way the Slack relay fetches it: from the customer's channel. */
async function photo(deps: DeskInboxDeps, ticketId: string, messageId: string): Promise<InboxPhoto> {
  const where = await deps.store.photoOf(ticketId, messageId);
  if (!where) return 'missing';
  const source = deps.photos[where.channel];
  if (!source) return 'unavailable';
  try {
    const bytes = await source(where.fileId);
    return { bytes, type: imageTypeOf(bytes) ?? 'application/octet-stream' };
  } catch (error) {
    deps.log.warn({ err: error, ticketId, messageId }, 'desk inbox: could not fetch a customer’s photo');
    return 'unavailable';
  }
}

/** Who did what to which ticket; ids only, never the words (they are the customer's business). */
function auditOf(
  deps: DeskInboxDeps,
  actor: InboxActor,
  ticketId: string,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): AuditRecord {
  return {
    at: deps.clock(),
    actor: actor.credential,
    action,
    subject: `ticket:${ticketId}`,
    before,
    after: { ...after, by: actor.by.id },
  };
}
