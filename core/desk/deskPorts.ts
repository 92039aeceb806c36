import type { AuditRecord } from '../audit/auditPorts.ts';
import type { ChatState } from '../conversation/chatState.ts';
import type { Channel } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Outbound } from '../outbound.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { DeskPost } from './deskPost.ts';
import type { DeskSettings } from './deskSettings.ts';

export type TicketStatus = 'open' | 'taken' | 'resolved';
/** What made the member ask for a person. */
export type TicketReason = 'button' | 'command' | 'complaint' | 'notUnderstood' | 'nps';

export interface TicketRecord {
  id: string;
  memberId: string;
  chatId: string;
  channel: Channel;
  address: string;
  locale: Locale;
  reason: TicketReason;
  status: TicketStatus;
  text: string;
  /**
   * Where the desk shows the ticket (for Slack, the message that heads its
   * thread), as the desk's adapter wrote it; the core stores it and hands it
   * back without reading it. Null until the desk has shown the ticket.
   */
  deskRef: string | null;
  assignee: StaffRef | null;
  openedAt: Date;
  takenAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** The customer closed it themself (✖ Close my request, /cancel): nobody is asked to rate anything. */
  closedByCustomer: boolean;
  announcements: number;
  nextAnnounceAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  /** Surveys: the NPS score of the detractor's answer that opened it (reason `nps`)… */
  surveyScore: number | null;
  /** …and by when someone is to have followed it up. */
  followUpBy: Date | null;
}

/** A staff member as the desk knows them. */
export interface StaffRef {
  id: string;
  name: string;
}

export interface PurchaseLine {
  amount: number;
  earnedPoints: number;
  redeemedPoints: number;
  refunded: boolean;
  createdAt: Date;
}

/** A ticket with what staff need to help: the member and their last purchases. */
export interface TicketView {
  ticket: TicketRecord;
  member: MemberRecord;
  lastPurchases: PurchaseLine[];
  /** Whether the chat the ticket came from was reported unreachable. */
  chatUnreachable: boolean;
  /** Every channel the member has a chat on (one member across channels), most recently used first. */
  memberChannels: Channel[];
}

/** A post for the ticket's thread, written to the outbox with the change that causes it. */
export interface DeskDraft {
  /** One post per cause; a repeated key writes nothing. */
  dedupeKey: string;
  post: DeskPost;
}

/** A message for the customer about their ticket, to the ticket's own chat. */
export interface CustomerDraft {
  dedupeKey: string;
  message: Outbound;
}

/** A ticket as it opens: nobody took it, nothing posted yet. */
export type NewTicket = Pick<
  TicketRecord,
  'id' | 'memberId' | 'chatId' | 'channel' | 'address' | 'locale' | 'reason' | 'text' | 'openedAt' | 'nextAnnounceAt'
> &
  Partial<Pick<TicketRecord, 'surveyScore' | 'followUpBy'>>;

export interface TicketMessageDraft {
  ticketId: string;
  /** The update or Slack message it came from: a redelivery finds it taken and writes nothing. */
  sourceKey: string;
  author: 'customer' | 'staff' | 'note';
  by?: StaffRef;
  text: string;
  photoFileId?: string;
  at: Date;
}

export type AddOutcome = 'added' | 'duplicate' | 'closed' | 'missing';

/** A message of a ticket as the desk inbox shows it. */
export interface TicketMessageRecord {
  id: string;
  author: TicketMessageDraft['author'];
  /** Who wrote it, for staff messages and notes. */
  by: StaffRef | null;
  text: string;
  /** Whether a customer's photo came with it (served by the desk inbox, not by its file id). */
  photo: boolean;
  at: Date;
}

/** A ticket in the desk inbox's lists. */
export type TicketListItem = TicketRecord & { memberName: string };

/** Where a page of the inbox starts: after this ticket in the list's order. */
export interface TicketCursor {
  at: Date;
  id: string;
}

/**
 * The desk's storage. Each method is one transaction: the change, the
 * ticket's messages and the outbox rows that tell staff and customer about
 * it commit together or not at all.
 */
export interface DeskStore {
  /**
   * Opens a ticket and moves the chat to it, unless the chat changed since
   * `chat.version` was read. Without `chat` the conversation is left where it
   * stands (a scheduled job opens it on the member's behalf). `exists` when a
   * ticket with this id is there already: a caller that derives the id from
   * its cause opens one ticket per cause, however many try at once.
   */
  open(input: {
    ticket: NewTicket;
    chat?: { id: string; version: number; state: ChatState };
    posts: DeskDraft[];
  }): Promise<'opened' | 'chat-changed' | 'exists'>;
  /** A customer's message for an open ticket; `closed` when staff resolved it meanwhile. */
  addCustomerMessage(message: TicketMessageDraft, post: DeskDraft): Promise<AddOutcome>;
  /**
   * A staff member's message in the thread. A reply (not a note) is sent to
   * the customer, counts as the first response, and assigns an unassigned ticket.
   */
  addStaffMessage(
    message: TicketMessageDraft,
    reply: CustomerDraft | null,
    posts: DeskDraft[],
    audit?: AuditRecord,
  ): Promise<AddOutcome>;
  /** Assigns an open ticket; the ticket as it is after, or before when it was not open. */
  take(
    ticketId: string,
    by: StaffRef,
    at: Date,
    posts: DeskDraft[],
    customer?: CustomerDraft,
    audit?: AuditRecord,
  ): Promise<{ taken: boolean; ticket: TicketRecord } | null>;
  resolve(
    ticketId: string,
    by: StaffRef,
    at: Date,
    posts: DeskDraft[],
    customer: CustomerDraft,
    audit?: AuditRecord,
  ): Promise<{ resolved: boolean; ticket: TicketRecord } | null>;
  /**
   * The customer closes their own request: resolved, with no rating prompt,
   * and the posts that tell staff; `not-open` when it was resolved already.
   */
  closeByCustomer(ticketId: string, at: Date, posts: DeskDraft[]): Promise<'closed' | 'not-open' | 'missing'>;
  /** When the customer last wrote to the ticket (or opened it): the start of the current burst of messages. */
  lastCustomerActivityAt(ticketId: string): Promise<Date | null>;
  /**
   * The member's rating of a resolved ticket; the first one counts. With
   * `csatDay` (the programme-local day) it is also recorded as a CSAT answer
   * of the touch point `desk` (core/surveys), in the same transaction.
   */
  rate(
    ticketId: string,
    memberId: string,
    rating: number,
    at: Date,
    posts: DeskDraft[],
    csatDay?: string,
  ): Promise<'rated' | 'already-rated' | 'not-resolved'>;
  comment(ticketId: string, memberId: string, comment: string, posts: DeskDraft[]): Promise<boolean>;
  /** Untaken tickets whose next re-announcement is due. */
  dueAnnouncements(now: Date, limit: number): Promise<TicketRecord[]>;
  /** Records a re-announcement once (`announcements` must still be `seen`) with its post. */
  announce(ticketId: string, seen: number, next: Date | null, post: DeskDraft): Promise<boolean>;
  /** Tells staff in the thread, once per failed message. */
  postToThread(ticketId: string, post: DeskDraft): Promise<void>;

  find(ticketId: string): Promise<TicketRecord | null>;
  /** The ticket the desk shows at this reference (a Slack thread…). */
  findByDeskRef(deskRef: string): Promise<TicketRecord | null>;
  view(ticketId: string, purchases: number): Promise<TicketView | null>;
  /** Tickets not resolved yet, oldest first. */
  unresolved(limit: number): Promise<(TicketRecord & { memberName: string })[]>;
  /** Where the desk now shows the ticket, once its adapter has posted it. */
  setDeskRef(ticketId: string, deskRef: string): Promise<void>;
  /**
   * One page of the inbox: open and taken tickets oldest first (by opening),
   * resolved ones the most recently resolved first; after `cursor` when given.
   */
  list(query: { status: TicketStatus; limit: number; after?: TicketCursor }): Promise<TicketListItem[]>;
  /** Everything said in the ticket, both ways and the notes, oldest first. */
  messages(ticketId: string): Promise<TicketMessageRecord[]>;
  /** Where a photo of the ticket's message is: the customer's channel and its file id there. */
  photoOf(ticketId: string, messageId: string): Promise<{ channel: Channel; fileId: string } | null>;
  /**
   * Tickets that changed (opened, taken, resolved, rated, or a message
   * added) at `since` or later, the least recently changed first.
   */
  changedSince(since: Date, limit: number): Promise<TicketListItem[]>;
  /** Looks a member up for staff, by card number or phone (E.164). */
  findMember(
    reference: { cardNumber: string } | { phone: string },
  ): Promise<(MemberRecord & { channels: Channel[] }) | null>;
}

/** What the staff desk is built from, on both its sides (customer and staff). */
export interface DeskDeps {
  store: DeskStore;
  settings: DeskSettings;
  /** Whether a member's text reads as a complaint (see complaintMarkers.ts). */
  looksLikeComplaint: (text: string) => boolean;
  /**
   * Whether a desk is connected, so someone can answer soon: Slack is
   * configured, or someone worked the desk inbox (console, REST API) in the
   * last 24 hours (deskPresence.ts). Only then is the customer told a waiting
   * time; otherwise that the request is recorded.
   */
  deskConnected: () => boolean | Promise<boolean>;
}

/** The bytes of a photo a customer sent, by the platform's file id (a channel adapter provides it). */
export type PhotoSource = (fileId: string) => Promise<Uint8Array>;
