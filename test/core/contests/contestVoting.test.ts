// Voting under load: 500 members vote at once, each tapping ❤️ on three
// entries with a limit of two and tapping one of them twice. The limit and
// "once per entry" hold by the database's constraints, no author votes for
// their own entry, and accounts made after voting opened count for nothing.
// Then the closing job ranks the entries (a tie to the earlier submission)
// and tells every author where they placed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contestPayload } from '../../../core/contests/contestPayloads.ts';
import type { InboundEvent } from '../../../core/inbound.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startQuizApp, testClock, type QuizApp } from '../quizzes/support/quizApp.ts';
import { CONTEST_HOUR, contestBody } from './support/contestBody.ts';

const VOTERS = 500;
const ENTRIES = 6;

describeEachProvider('Contest voting under concurrency', (provider) => {
  const clock = testClock();
  let world: QuizApp;
  let contestId: string;
  let updates = 0;
  let entries: { id: string; memberId: string; address: string }[] = [];
  let voters: { memberId: string; address: string }[] = [];
  let late: { memberId: string; address: string }[] = [];

  const press = (address: string, payload: string) =>
    world.app.assistant.handle({
      channel: 'web',
      address,
      updateId: `${address}:${(updates += 1)}`,
      event: { kind: 'button', payload } satisfies InboundEvent,
    });

  /** Members and their web chats, written directly (registration has tests of its own), joined at `createdAt`. */
  const seedMembers = async (prefix: string, count: number, createdAt: Date) => {
    const members = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      cardNumber: `${prefix}${String(i).padStart(6, '0')}`,
      name: `${prefix}name${i} Test`,
      locale: 'en',
      consentAt: createdAt,
      consentVersion: 'test',
      createdAt,
    }));
    const db = world.app.db.prisma;
    for (let i = 0; i < members.length; i += 250) await db.member.createMany({ data: members.slice(i, i + 250) });
    const chats = members.map((member) => ({
      id: crypto.randomUUID(),
      channel: 'web',
      address: `${prefix}-${member.id}`,
      locale: 'en',
      state: JSON.stringify({ v: 1, step: 'member' }),
      consentAt: createdAt,
      consentVersion: 'test',
      memberId: member.id,
      lastSeenAt: createdAt,
    }));
    for (let i = 0; i < chats.length; i += 250) await db.chat.createMany({ data: chats.slice(i, i + 250) });
    return members.map((member) => ({ memberId: member.id, address: `${prefix}-${member.id}` }));
  };

  beforeAll(async () => {
    world = await startQuizApp(provider, clock.now);
    const created = await world.call<{ id: string }>('POST', '/api/v1/contests', contestBody(clock.now()));
    expect(created.status).toBe(201);
    contestId = created.body.id;
    const authors = await seedMembers('A', ENTRIES, clock.now());
    // Entries approved, submitted a minute apart: the earlier wins a tie.
    entries = authors.map((author, i) => ({ ...author, id: crypto.randomUUID(), i }));
    await world.app.db.prisma.contestEntry.createMany({
      data: entries.map((entry, i) => ({
        id: entry.id,
        contestId,
        memberId: entry.memberId,
        pictureId: `picture-${i}`,
        caption: `Entry ${i}`,
        status: 'approved',
        submittedAt: new Date(clock.now().getTime() + i * 60_000),
      })),
    });
    voters = await seedMembers('V', VOTERS, clock.now());
    clock.advance(CONTEST_HOUR + 60_000);
    late = await seedMembers('L', 20, clock.now());
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('holds the limit of two votes and one vote per entry with 500 members tapping at once', async () => {
    // Voter v taps entries v%6, (v+1)%6 (twice) and (v+2)%6, all at the same moment.
    const taps = voters.flatMap((voter, v) => [0, 1, 1, 2].map((k) => ({ voter, entry: entries[(v + k) % ENTRIES]! })));
    for (let i = 0; i < taps.length; i += 500)
      await Promise.all(
        taps.slice(i, i + 500).map(({ voter, entry }) => press(voter.address, contestPayload.vote(entry.id, 0))),
      );
    const votes = await world.app.db.prisma.contestVote.findMany({ where: { contestId } });
    const perVoter = new Map<string, string[]>();
    for (const vote of votes) perVoter.set(vote.voterId, [...(perVoter.get(vote.voterId) ?? []), vote.entryId]);
    expect(perVoter.size).toBe(VOTERS);
    for (const cast of perVoter.values()) {
      expect(cast.length).toBe(2);
      expect(new Set(cast).size).toBe(2);
    }
  }, 300_000);

  it('refuses an author voting for their own entry', async () => {
    const author = entries[0]!;
    const [reply] = await press(author.address, contestPayload.vote(author.id, 0));
    expect(reply!.text).toBe('You cannot vote for your own entry.');
    expect(await world.app.db.prisma.contestVote.count({ where: { voterId: author.memberId } })).toBe(0);
  });

  it('does not count members who joined after voting opened', async () => {
    const replies = await Promise.all(
      late.map((member) => press(member.address, contestPayload.vote(entries[1]!.id, 0))),
    );
    for (const [reply] of replies)
      expect(reply!.text).toBe('Only members who joined before voting opened may vote in this contest.');
    const counted = await world.app.db.prisma.contestVote.count({
      where: { voterId: { in: late.map((member) => member.memberId) } },
    });
    expect(counted).toBe(0);
  });

  it('shows a voter the entries in an order of their own, without their own entry', async () => {
    const shown = async (address: string) => {
      const seen: string[] = [];
      for (let index = 0; index < ENTRIES; index += 1) {
        const [screen] = await press(address, contestPayload.show(contestId, index));
        const caption = /Entry \d/.exec(screen!.text)?.[0];
        if (caption) seen.push(caption);
      }
      return seen;
    };
    const first = await shown(entries[0]!.address);
    expect(first).toHaveLength(ENTRIES - 1);
    expect(first).not.toContain('Entry 0');
    expect(await shown(entries[0]!.address)).toEqual(first);
    const orders = new Set(
      await Promise.all(voters.slice(0, 8).map(async (voter) => (await shown(voter.address)).join())),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('ranks by votes with ties to the earlier entry', async () => {
    const tally = await world.app.db.prisma.contestVote.groupBy({
      by: ['entryId'],
      where: { contestId },
      _count: { _all: true },
    });
    expect(tally.reduce((sum, row) => sum + row._count._all, 0)).toBe(VOTERS * 2);
    clock.advance(2 * CONTEST_HOUR);
    await world.runJobs();
    const contest = await world.app.db.prisma.contest.findUniqueOrThrow({ where: { id: contestId } });
    expect(contest.closedAt).not.toBeNull();
    const counts = new Map(entries.map((entry) => [entry.id, 0]));
    for (const row of tally) counts.set(row.entryId, row._count._all);
    const expected = [...entries].sort(
      (a, b) => counts.get(b.id)! - counts.get(a.id)! || entries.indexOf(a) - entries.indexOf(b),
    );
    const told = await world.app.db.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `contest:${contestId}:result:` } },
    });
    expect(told).toHaveLength(ENTRIES);
    const winner = told.find((row) => row.memberId === expected[0]!.memberId)!;
    expect(winner.payload).toContain('took place 1');
    expect(winner.payload).toContain('A family breakfast');
    const last = told.find((row) => row.memberId === expected.at(-1)!.memberId)!;
    expect(last.payload).toContain(`took place ${ENTRIES} of ${ENTRIES}`);
    // The prizes in order: the breakfast's code to the first, 300 points to the second, each once.
    const awards = await world.app.db.prisma.prizeAward.findMany({
      where: { sourceId: contestId },
      orderBy: { prize: 'asc' },
    });
    expect(awards.map((award) => [award.memberId, award.prize, award.points])).toEqual([
      [expected[0]!.memberId, 0, null],
      [expected[1]!.memberId, 1, 300],
    ]);
    expect(awards[0]!.code).not.toBeNull();
    const second = await world.app.db.prisma.member.findUniqueOrThrow({ where: { id: expected[1]!.memberId } });
    expect(second.balance).toBe(300);
    // A second run changes nothing.
    await world.runJobs();
    expect(await world.app.db.prisma.prizeAward.count({ where: { sourceId: contestId } })).toBe(2);
    expect(
      await world.app.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `contest:${contestId}:` } } }),
    ).toBe(ENTRIES);
  });
});
