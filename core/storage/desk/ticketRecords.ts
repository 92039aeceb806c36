import type { Purchase, Ticket } from '../generated/sqlite/client.ts';
import type { Channel } from '../../inbound.ts';
import { isLocale } from '../../i18n/locale.ts';
import type {
  NewTicket,
  PurchaseLine,
  TicketMessageDraft,
  TicketReason,
  TicketRecord,
  TicketStatus,
} from '../../desk/deskPorts.ts';

/** Who resolved a ticket the customer closed themself: no staff id is ever this. */
export const CUSTOMER_CLOSER = 'customer';

/** A ticket row as the desk sees it: the assignee only when set. */
export function toTicketRecord(row: Ticket): TicketRecord {
  return {
    id: row.id,
    memberId: row.memberId,
    chatId: row.chatId,
    channel: row.channel as Channel,
    address: row.address,
    locale: isLocale(row.locale) ? row.locale : 'ru',
    reason: row.reason as TicketReason,
    status: row.status as TicketStatus,
    text: row.text,
    deskRef: row.deskRef,
    assignee: row.assigneeId !== null ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    openedAt: row.openedAt,
    takenAt: row.takenAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedByCustomer: row.resolvedById === CUSTOMER_CLOSER,
    announcements: row.announcements,
    nextAnnounceAt: row.nextAnnounceAt,
    rating: row.rating,
    ratingComment: row.ratingComment,
    surveyScore: row.surveyScore,
    followUpBy: row.followUpBy,
  };
}

/** The row of a ticket just opened: nobody took it, the desk has not shown it yet. */
export function newTicketRow(ticket: NewTicket) {
  return { ...ticket, status: 'open' satisfies TicketStatus, deskRef: null, announcements: 0 };
}

/** The row of a message in a ticket; its `sourceKey` is unique, so a redelivered update finds it taken. */
export function ticketMessageRow(message: TicketMessageDraft) {
  return {
    id: crypto.randomUUID(),
    ticketId: message.ticketId,
    author: message.author,
    authorId: message.by?.id ?? null,
    authorName: message.by?.name ?? null,
    text: message.text,
    photoFileId: message.photoFileId ?? null,
    sourceKey: message.sourceKey,
    createdAt: message.at,
  };
}

/** The text the member wrote when opening, as the ticket's first message. */
export function openingMessage(ticket: NewTicket): TicketMessageDraft {
  return {
    ticketId: ticket.id,
    sourceKey: `ticket:${ticket.id}:opening`,
    author: 'customer',
    text: ticket.text,
    at: ticket.openedAt,
  };
}

export function toPurchaseLine(row: Purchase): PurchaseLine {
  return {
    amount: row.amount,
    earnedPoints: row.earnedPoints,
    redeemedPoints: row.redeemedPoints,
    refunded: row.refundedAt !== null,
    createdAt: row.createdAt,
  };
}
