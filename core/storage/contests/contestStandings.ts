import { rankEntries, type EntryStanding } from '../../contests/contest.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Database, Tx } from '../db/openDatabase.ts';
import { toEntry } from './toContest.ts';

type Client = Database['prisma'] | Tx;

/** Entries matching `where` with their authors and vote counts. */
export async function entriesWithVotes(
  client: Client,
  where: { contestId?: string; status?: string; id?: string },
  take?: number,
): Promise<EntryStanding[]> {
  const rows = await client.contestEntry.findMany({
    where,
    include: { member: { select: { name: true, locale: true } }, _count: { select: { votes: true } } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    ...(take ? { take } : {}),
  });
  return rows.map((row) => ({
    ...toEntry(row),
    authorName: row.member.name,
    authorLocale: row.member.locale as Locale,
    votes: row._count.votes,
  }));
}

/** Every entry of a contest, ranked: votes, then the earlier submission. */
export async function contestStandings(client: Client, contestId: string): Promise<EntryStanding[]> {
  return rankEntries(await entriesWithVotes(client, { contestId }));
}
