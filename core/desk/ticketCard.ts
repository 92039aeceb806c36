import type { Translate } from '../i18n/translator.ts';
import { formatDate, formatTime } from '../menu/formatDate.ts';
import type { PayloadButton } from '../outbound.ts';
import { formatMoney } from '../points/formatMoney.ts';
import type { Locale } from '../i18n/locale.ts';
import type { TicketRecord, TicketView } from './deskPorts.ts';
import { deskPayload } from './deskPayloads.ts';
import { phoneForStaff } from './phoneForStaff.ts';
import { stars } from './rateHelp.ts';
import { ticketReference } from './ticketReference.ts';

/** The message that heads a ticket's thread, neutral: the Slack adapter lays it out. */
export interface DeskCard {
  /** One line for notifications and clients that show no layout. */
  summary: string;
  title: string;
  fields: { label: string; value: string }[];
  /** What the member wrote when the ticket opened. */
  quote: string | null;
  /** Smaller lines under it: last purchases, timings, rating, warnings. */
  notes: string[];
  buttons: PayloadButton[];
}

export interface CardContext {
  t: Translate;
  locale: Locale;
  timezone: string;
  currency: string;
  /** Whole phone numbers (DESK_SHOW_PHONE), else the last four digits. */
  showPhone: boolean;
}

/** Everything staff need to help, as the ticket is now. */
export function ticketCard(view: TicketView, context: CardContext): DeskCard {
  const { ticket, member } = view;
  const { t } = context;
  const title = t('desk.card.title', { ref: ticketReference(ticket.id), name: member.name });
  return {
    summary: `${title} — ${statusText(ticket, t)}`,
    title,
    fields: [
      { label: t('desk.card.status'), value: statusText(ticket, t) },
      { label: t('desk.card.reason'), value: t(`desk.reason.${ticket.reason}`) },
      {
        label: t('desk.card.tier'),
        value: member.tier ? t(`tier.${member.tier}`, { defaultValue: member.tier }) : '—',
      },
      { label: t('desk.card.balance'), value: t('points', { count: member.balance }) },
      { label: t('desk.card.channel'), value: t(`desk.channel.${ticket.channel}`) },
      { label: t('desk.card.channels'), value: channelList(view.memberChannels, t) },
      { label: t('desk.card.language'), value: t(`language.name.${ticket.locale}`) },
      { label: t('desk.card.phone'), value: phoneForStaff(member.phone, context.showPhone) },
      { label: t('desk.card.card'), value: member.cardNumber },
    ],
    quote: ticket.text.trim() === '' ? null : ticket.text,
    notes: [...purchaseNotes(view, context), ...progressNotes(view, context)],
    buttons: buttonsFor(ticket, t),
  };
}

function statusText(ticket: TicketRecord, t: Translate): string {
  if (ticket.status === 'open') return t('desk.status.open');
  if (ticket.closedByCustomer) return t('desk.status.closedByCustomer');
  const name = ticket.assignee?.name ?? '—';
  return ticket.status === 'taken' ? t('desk.status.taken', { name }) : t('desk.status.resolved', { name });
}

function purchaseNotes(view: TicketView, { t, locale, timezone, currency }: CardContext): string[] {
  if (view.lastPurchases.length === 0) return [t('desk.card.noPurchases')];
  const lines = view.lastPurchases.map((purchase) => {
    const when = `${formatDate(purchase.createdAt, locale, timezone, 'short')} ${formatTime(purchase.createdAt, locale, timezone)}`;
    const line = t('desk.card.purchase', {
      when,
      amount: formatMoney(purchase.amount, currency, locale),
      earned: purchase.earnedPoints,
      redeemed: purchase.redeemedPoints,
    });
    return purchase.refunded ? `${line} ${t('desk.card.refunded')}` : line;
  });
  return [t('desk.card.lastPurchases'), ...lines];
}

function progressNotes({ ticket, chatUnreachable }: TicketView, { t, locale, timezone }: CardContext): string[] {
  const notes = [
    t('desk.card.opened', {
      when: `${formatDate(ticket.openedAt, locale, timezone, 'short')} ${formatTime(ticket.openedAt, locale, timezone)}`,
    }),
  ];
  if (ticket.surveyScore !== null) notes.push(t('desk.card.npsScore', { score: ticket.surveyScore }));
  if (ticket.followUpBy)
    notes.push(
      t('desk.card.followUpBy', {
        when: `${formatDate(ticket.followUpBy, locale, timezone, 'short')} ${formatTime(ticket.followUpBy, locale, timezone)}`,
      }),
    );
  if (ticket.firstResponseAt)
    notes.push(t('desk.card.firstResponse', { duration: duration(ticket.openedAt, ticket.firstResponseAt, t) }));
  if (ticket.resolvedAt)
    notes.push(t('desk.card.resolvedIn', { duration: duration(ticket.openedAt, ticket.resolvedAt, t) }));
  if (ticket.rating !== null) notes.push(t('desk.card.rating', { stars: stars(ticket.rating), rating: ticket.rating }));
  if (ticket.ratingComment) notes.push(t('desk.card.comment', { comment: ticket.ratingComment }));
  if (chatUnreachable) notes.push(t('desk.card.unreachable'));
  return notes;
}

/** A waiting or handling time as staff read it: minutes, or hours and minutes. */
export function duration(from: Date, to: Date, t: Translate): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return t('desk.minutes', { count: minutes });
  if (minutes % 60 === 0) return t('desk.hours', { count: minutes / 60 });
  return t('desk.hoursMinutes', {
    hours: t('desk.hours', { count: Math.floor(minutes / 60) }),
    minutes: t('desk.minutes', { count: minutes % 60 }),
  });
}

function buttonsFor(ticket: TicketRecord, t: Translate): PayloadButton[] {
  const buttons: PayloadButton[] = [];
  if (ticket.status === 'open') buttons.push({ label: t('desk.take'), payload: deskPayload.take(ticket.id) });
  if (ticket.status !== 'resolved') buttons.push({ label: t('desk.resolve'), payload: deskPayload.resolve(ticket.id) });
  return buttons;
}

/** Every channel of the member, for staff: one person, one member, whichever chats they use. */
export function channelList(channels: readonly string[], t: Translate): string {
  return channels.length === 0
    ? t('desk.card.noChats')
    : channels.map((channel) => t(`desk.channel.${channel}`)).join(', ');
}
