// The message that heads a ticket's thread, as staff read it: who the member
// is, how the ticket stands, what they can still do with it, and durations in
// each of our languages.
import { describe, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import type { TicketRecord, TicketView } from '../../../core/desk/deskPorts.ts';
import { duration, ticketCard, type CardContext } from '../../../core/desk/ticketCard.ts';
import { ticketReference } from '../../../core/desk/ticketReference.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { MemberRecord } from '../../../core/members/membersPorts.ts';
import { tr } from './support/deskWorld.ts';

const opened = new Date('2026-03-10T08:00:00Z');
const after = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
const ticketId = '3f9a1c2e-0000-4000-8000-000000000001';

function aView(
  ticket: Partial<TicketRecord> = {},
  member: Partial<MemberRecord> = {},
  extra: Partial<TicketView> = {},
): TicketView {
  return {
    ticket: {
      id: ticketId,
      memberId: 'member-1',
      chatId: 'chat-1',
      channel: 'telegram',
      address: '4242',
      locale: 'ro',
      reason: 'complaint',
      status: 'open',
      text: 'Casiera a fost nepoliticoasă',
      deskRef: null,
      assignee: null,
      openedAt: opened,
      takenAt: null,
      firstResponseAt: null,
      resolvedAt: null,
      closedByCustomer: false,
      announcements: 0,
      nextAnnounceAt: null,
      rating: null,
      ratingComment: null,
      surveyScore: null,
      followUpBy: null,
      ...ticket,
    },
    member: {
      id: 'member-1',
      cardNumber: '200000000017',
      name: 'Ion',
      phone: '+37369123401',
      phoneVerified: true,
      birthday: null,
      locale: 'ro',
      balance: 1,
      tier: 'silver',
      lifetimeSpend: 0,
      lifetimeEarned: 0,
      purchaseCount: 0,
      stamps: 0,
      createdAt: opened,
      ...member,
    },
    lastPurchases: [],
    chatUnreachable: false,
    memberChannels: ['telegram'],
    ...extra,
  };
}

const context = (locale: Locale = 'en', showPhone = false): CardContext => ({
  t: tr(locale),
  locale,
  timezone: 'Europe/Chisinau',
  currency: 'MDL',
  showPhone,
});
const field = (view: TicketView, label: string, locale: Locale = 'en') =>
  ticketCard(view, context(locale)).fields.find((row) => row.label === label)?.value;
const taken = { status: 'taken' as const, assignee: { id: 'U-ANA', name: 'Ana' }, takenAt: after(3) };
const resolved = { ...taken, status: 'resolved' as const, resolvedAt: after(20) };

describe('the ticket card', () => {
  it('names the ticket by its short reference and the member', () => {
    const card = ticketCard(aView(), context());
    expect(ticketReference(ticketId)).toBe('#3F9A1C');
    expect(card.title).toBe('🆘 Ticket #3F9A1C: Ion');
    expect(card.summary).toBe('🆘 Ticket #3F9A1C: Ion — waiting for someone to take it');
  });

  it('shows who the member is and where and in which language they wrote', () => {
    expect(ticketCard(aView(), context()).fields).toEqual([
      { label: 'Status', value: 'waiting for someone to take it' },
      { label: 'Opened by', value: 'a message that reads as a complaint' },
      { label: 'Tier', value: 'Silver' },
      { label: 'Balance', value: '1 point' },
      { label: 'Channel', value: 'Telegram' },
      { label: 'All chats', value: 'Telegram' },
      { label: 'Language', value: 'Română' },
      { label: 'Phone', value: '•••• 3401' },
      { label: 'Card', value: '200000000017' },
    ]);
  });

  it('shows every channel of the member, one person whichever chats they use', () => {
    const channels = (memberChannels: TicketView['memberChannels']) =>
      ticketCard(aView({}, {}, { memberChannels }), context()).fields.find((row) => row.label === 'All chats')?.value;

    expect(channels(['viber', 'telegram', 'web'])).toBe('Viber, Telegram, Web chat');
    expect(channels([])).toBe('none (enrolled at the till)');
  });

  it('shows only the last four digits of the phone by default, so the whole channel cannot collect numbers', () => {
    const card = JSON.stringify(ticketCard(aView(), context()));
    expect(card).toContain('•••• 3401');
    expect(card).not.toContain('369123');
  });

  it('shows the whole phone when the deployment asks for it (DESK_SHOW_PHONE=true)', () => {
    expect(ticketCard(aView(), context('en', true)).fields.find((row) => row.label === 'Phone')?.value).toBe(
      '+37369123401',
    );
  });

  it('writes the balance with the plural of the staff language', () => {
    expect(field(aView({}, { balance: 5 }), 'Balance')).toBe('5 points');
    expect(field(aView({}, { balance: 1 }), 'Баланс', 'ru')).toBe('1 балл');
    expect(field(aView({}, { balance: 3 }), 'Баланс', 'ru')).toBe('3 балла');
    expect(field(aView({}, { balance: 25 }), 'Баланс', 'ru')).toBe('25 баллов');
    expect(field(aView({}, { balance: 3 }), 'Sold', 'ro')).toBe('3 puncte');
    expect(field(aView({}, { balance: 100 }), 'Sold', 'ro')).toBe('100 de puncte');
  });

  it('shows a dash for a member without a tier, and the channel by its name', () => {
    expect(field(aView({ channel: 'web' }, { tier: null }), 'Tier')).toBe('—');
    expect(field(aView({ channel: 'web' }), 'Channel')).toBe('Web chat');
    expect(field(aView({ channel: 'viber' }), 'Канал', 'ru')).toBe('Viber');
  });

  it('quotes what the member wrote, and nothing when they wrote nothing', () => {
    expect(ticketCard(aView(), context()).quote).toBe('Casiera a fost nepoliticoasă');
    expect(ticketCard(aView({ text: '  ' }), context()).quote).toBeNull();
  });

  it('says who took and who resolved the ticket', () => {
    expect(field(aView(taken), 'Status')).toBe('taken by Ana');
    expect(field(aView(resolved), 'Status')).toBe('resolved by Ana');
    expect(field(aView(taken), 'Статус', 'ru')).toBe('взял(а) Ana');
  });

  it('says when the customer closed the request themself', () => {
    const closed = { status: 'resolved' as const, resolvedAt: after(4), closedByCustomer: true };
    expect(field(aView(closed), 'Status')).toBe('closed by the customer');
    expect(ticketCard(aView(closed), context()).summary).toContain('closed by the customer');
  });

  it('offers Take and Resolve while nobody has the ticket, Resolve once taken, nothing once resolved', () => {
    const payloads = (view: TicketView) =>
      ticketCard(view, context()).buttons.map((button) => [button.label, button.payload]);
    expect(payloads(aView())).toEqual([
      ['Take', deskPayload.take(ticketId)],
      ['Resolve', deskPayload.resolve(ticketId)],
    ]);
    expect(payloads(aView(taken))).toEqual([['Resolve', deskPayload.resolve(ticketId)]]);
    expect(payloads(aView(resolved))).toEqual([]);
  });

  it('notes the timings, the rating and its comment as the ticket goes on', () => {
    const view = aView({ ...resolved, firstResponseAt: after(4), rating: 4, ratingComment: 'Fast, thanks' });
    expect(ticketCard(view, context()).notes).toEqual([
      'No purchases yet.',
      'Opened 10/03/2026 10:00',
      'First response after 4 minutes',
      'Resolved after 20 minutes',
      'Rating: ★★★★☆ (4 of 5)',
      'Comment: Fast, thanks',
    ]);
  });

  it('lists the last purchases, marking a refunded one', () => {
    const lastPurchases = [
      { amount: 12_550, earnedPoints: 12, redeemedPoints: 0, refunded: false, createdAt: after(-60) },
      { amount: 5_000, earnedPoints: 5, redeemedPoints: 20, refunded: true, createdAt: after(-24 * 60) },
    ];
    const notes = ticketCard(aView({}, {}, { lastPurchases }), context()).notes;
    expect(notes.slice(0, 3)).toEqual([
      'Last purchases:',
      `10/03/2026 09:00 · ${formatted(12_550)} · +12 / −0 points`,
      `09/03/2026 10:00 · ${formatted(5_000)} · +5 / −20 points (refunded)`,
    ]);
  });

  it('warns when the customer cannot be reached in the chat', () => {
    expect(ticketCard(aView({}, {}, { chatUnreachable: true }), context()).notes.at(-1)).toBe(
      tr('en')('desk.card.unreachable'),
    );
  });
});

function formatted(minorUnits: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'MDL', currencyDisplay: 'code' }).format(
    minorUnits / 100,
  );
}

describe('a duration as staff read it', () => {
  it.each<[Locale, number, string]>([
    ['en', 0, '0 minutes'],
    ['en', 1, '1 minute'],
    ['en', 2, '2 minutes'],
    ['en', 59, '59 minutes'],
    ['en', 61, '1 hour 1 minute'],
    ['en', 125, '2 hours 5 minutes'],
    ['ru', 1, '1 минуту'],
    ['ru', 3, '3 минуты'],
    ['ru', 5, '5 минут'],
    ['ru', 21, '21 минуту'],
    ['ru', 125, '2 часа 5 минут'],
    ['ru', 5 * 60 + 22, '5 часов 22 минуты'],
    ['ro', 1, '1 minut'],
    ['ro', 2, '2 minute'],
    ['ro', 19, '19 minute'],
    ['ro', 20, '20 de minute'],
    ['ro', 125, '2 ore și 5 minute'],
    ['ro', 61, '1 oră și 1 minut'],
  ])('in %s, %i minutes read "%s"', (locale, minutes, expected) => {
    expect(duration(opened, after(minutes), tr(locale))).toBe(expected);
  });

  it('rounds to the nearest minute', () => {
    expect(duration(opened, new Date(opened.getTime() + 89_000), tr('en'))).toBe('1 minute');
    expect(duration(opened, new Date(opened.getTime() + 90_000), tr('en'))).toBe('2 minutes');
  });

  it('reads a time that runs backwards (clocks of two instances) as no time at all', () => {
    expect(duration(opened, after(-3), tr('en'))).toBe('0 minutes');
  });
});
