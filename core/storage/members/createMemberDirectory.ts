import type { MemberCriteria } from '../../members/memberSearch.ts';
import type { MemberDirectory, MemberProfile } from '../../members/membersPorts.ts';
import { reversedPhoneDigits } from '../../members/reversedPhoneDigits.ts';
import { isNotificationTopic } from '../../notifications/notificationTopics.ts';
import type { Database } from '../db/openDatabase.ts';
import { asLocale, toMemberRecord } from './records.ts';
import { decodeCursor, encodeCursor } from './pageCursor.ts';
import { purchasesPage } from './purchasesPage.ts';
import { nameMatchesByTrigram, TRIGRAM_LETTERS } from './nameMatchesByTrigram.ts';

const RECENT_TICKETS = 5;

/** The console's reads of members, on Prisma; SQLite and PostgreSQL alike. */
export function createMemberDirectory(db: Database): MemberDirectory {
  return {
    search: (criteria, page) => search(db, criteria, page),
    profile: (memberId) => profile(db, memberId),
    purchases: (memberId, page) => purchasesPage(db, memberId, page),
  };
}

/**
 * Ordered by (searchName, id), the index's own order: a database can walk
 * it and stop after one page of matches instead of sorting them all.
 */
async function search(db: Database, criteria: MemberCriteria, page: { limit: number; cursor?: string }) {
  if (criteria.nameContains === undefined) return searchByNumber(db, criteria, page);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const part = criteria.nameContains;
  const rows =
    db.provider === 'postgresql' && part.length >= TRIGRAM_LETTERS
      ? await nameMatchesByTrigram(db, part, { limit: page.limit, after })
      : await walkNames(db, criteria, { limit: page.limit, after });
  const members = rows.slice(0, page.limit);
  const last = members[members.length - 1];
  return {
    members: members.map(({ searchName: _, ...listing }) => listing),
    next: rows.length > page.limit && last ? encodeCursor([last.searchName, last.id]) : null,
  };
}

/** Walks the name index in order, stopping after one page: on SQLite, and for a letter or two, which match densely. */
function walkNames(db: Database, criteria: MemberCriteria, page: { limit: number; after: [string, string] | null }) {
  const { after } = page;
  return db.prisma.member.findMany({
    where: {
      erasedAt: null,
      OR: matchesOf(criteria),
      ...(after && {
        AND: [{ OR: [{ searchName: { gt: after[0] } }, { searchName: after[0], id: { gt: after[1] } }] }],
      }),
    },
    orderBy: [{ searchName: 'asc' }, { id: 'asc' }],
    take: page.limit + 1,
    select: listingFields,
  });
}

/** A search by digits matches few members; past this many, staff should type more of the number. */
const NUMBER_MATCHES = 1000;

/**
 * A phone or card search matches a handful of members, so they are found
 * first (a lookup in the phone, card or reversed-digits index) and ordered
 * here. Letting the database walk the name index instead would visit every
 * member to find the few whose phone ends in the digits.
 */
async function searchByNumber(db: Database, criteria: MemberCriteria, page: { limit: number; cursor?: string }) {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.prisma.member.findMany({
    where: { erasedAt: null, OR: matchesOf(criteria) },
    take: NUMBER_MATCHES,
    select: listingFields,
  });
  const key = (row: { searchName: string; id: string }) => `${row.searchName}\u0000${row.id}`;
  const sorted = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const rest = after ? sorted.filter((row) => key(row) > `${after[0]}\u0000${after[1]}`) : sorted;
  const members = rest.slice(0, page.limit);
  const last = members[members.length - 1];
  return {
    members: members.map(({ searchName: _, ...listing }) => listing),
    next: rest.length > page.limit && last ? encodeCursor([last.searchName, last.id]) : null,
  };
}

const listingFields = {
  id: true,
  name: true,
  searchName: true,
  cardNumber: true,
  phone: true,
  balance: true,
  lifetimeSpend: true,
  lifetimeEarned: true,
  createdAt: true,
} as const;

function matchesOf(criteria: MemberCriteria) {
  return [
    ...(criteria.nameContains !== undefined ? [{ searchName: { contains: criteria.nameContains } }] : []),
    ...(criteria.phone ? [{ phone: criteria.phone }] : []),
    ...(criteria.phoneEnding
      ? [{ phoneDigitsReversed: startingWith(reversedPhoneDigits(criteria.phoneEnding)!) }]
      : []),
    ...(criteria.cardNumber ? [{ cardNumber: criteria.cardNumber }] : []),
  ];
}

/**
 * A prefix as a range, `>= '6543' AND < '6544'`: an index answers it on both
 * databases, where `LIKE '6543%'` is left to a scan by SQLite's
 * case-insensitive LIKE and by PostgreSQL outside the C collation.
 */
function startingWith(digits: string) {
  const upper = nextPrefix(digits);
  return upper === null ? { gte: digits } : { gte: digits, lt: upper };
}

/** The least digit string above every string that starts with `digits`; null when they are all nines. */
function nextPrefix(digits: string): string | null {
  const kept = digits.replace(/9+$/, '');
  if (kept === '') return null;
  return `${kept.slice(0, -1)}${Number(kept.slice(-1)) + 1}`;
}

async function profile(db: Database, memberId: string): Promise<MemberProfile | null> {
  const { prisma } = db;
  const row = await prisma.member.findUnique({
    where: { id: memberId },
    include: {
      chats: { orderBy: { createdAt: 'asc' } },
      mutes: true,
      tickets: { orderBy: { openedAt: 'desc' }, take: RECENT_TICKETS },
    },
  });
  if (!row) return null;
  const [tickets, referredCount] = await Promise.all([
    ticketCounts(db, memberId),
    prisma.member.count({ where: { referredById: memberId } }),
  ]);
  return {
    member: toMemberRecord(row),
    consent: { at: row.consentAt, version: row.consentVersion },
    birthdaySetAt: row.birthdaySetAt,
    chats: row.chats.map((chat) => ({
      id: chat.id,
      channel: chat.channel,
      locale: asLocale(chat.locale),
      linkedAt: chat.createdAt,
      unreachableAt: chat.unreachableAt,
    })),
    mutedTopics: row.mutes.map((mute) => mute.topic).filter(isNotificationTopic),
    referral: { code: row.referralCode, referredById: row.referredById, referredCount },
    tickets: {
      ...tickets,
      recent: row.tickets.map(({ id, status, reason, openedAt, resolvedAt, rating }) => ({
        id,
        status,
        reason,
        openedAt,
        resolvedAt,
        rating,
      })),
    },
    erasedAt: row.erasedAt,
  };
}

async function ticketCounts(db: Database, memberId: string) {
  const groups = await db.prisma.ticket.groupBy({ by: ['status'], where: { memberId }, _count: { _all: true } });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { open: count('open'), taken: count('taken'), resolved: count('resolved') };
}
