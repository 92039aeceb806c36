// Many members at once: 500 answer the same question together, and 50 tap
// their answer twice at the same moment. Every attempt is scored once, every
// finished attempt has one ledger line, and the ledger sums to the balances.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Outbound } from '../../../core/outbound.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { buttonsOf, quizBody, startQuizApp, testClock, type QuizApp } from './support/quizApp.ts';

describeEachProvider('Quizzes under concurrency', (provider) => {
  const clock = testClock();
  let quizApp: QuizApp;
  let updates = 0;

  const handle = (address: string, event: Parameters<QuizApp['app']['assistant']['handle']>[0]['event']) =>
    quizApp.app.assistant.handle({ channel: 'web', address, updateId: `${address}:${(updates += 1)}`, event });

  /** Members and their web chats, written directly: registration has tests of its own. */
  const seedMembers = async (prefix: string, count: number) => {
    const now = clock.now();
    const members = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      cardNumber: `${prefix}${String(i).padStart(6, '0')}`,
      name: `Member ${i} Test`,
      locale: 'en',
      consentAt: now,
      consentVersion: 'test',
    }));
    await quizApp.app.db.prisma.member.createMany({ data: members });
    await quizApp.app.db.prisma.chat.createMany({
      data: members.map((member) => ({
        id: crypto.randomUUID(),
        channel: 'web',
        address: `${prefix}-${member.id}`,
        locale: 'en',
        state: JSON.stringify({ v: 1, step: 'member' }),
        consentAt: now,
        consentVersion: 'test',
        memberId: member.id,
        lastSeenAt: now,
      })),
    });
    return members.map((member) => ({ memberId: member.id, address: `${prefix}-${member.id}` }));
  };

  /** Starts the quiz for each (a few at a time), returning the first question each was sent. */
  const startAll = async (players: { address: string }[]) => {
    const questions: Outbound[] = [];
    for (let i = 0; i < players.length; i += 50) {
      const batch = await Promise.all(
        players.slice(i, i + 50).map((player) => handle(player.address, { kind: 'command', command: 'quiz' })),
      );
      questions.push(...batch.map((replies) => replies.at(-1)!));
    }
    return questions;
  };

  const expectLedgerMatchesBalances = async () => {
    const sums = await quizApp.app.db.prisma.ledgerEntry.groupBy({ by: ['memberId'], _sum: { delta: true } });
    const balances = new Map(
      (await quizApp.app.db.prisma.member.findMany({ select: { id: true, balance: true } })).map((m) => [
        m.id,
        m.balance,
      ]),
    );
    for (const sum of sums) expect(sum._sum.delta).toBe(balances.get(sum.memberId));
  };

  beforeAll(async () => {
    quizApp = await startQuizApp(provider, clock.now);
    // One question, so answering it completes the attempt and credits it.
    const body = quizBody();
    const created = await quizApp.call('POST', '/api/v1/quizzes', { ...body, questions: [body.questions[0]] });
    expect(created.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await quizApp?.stop();
  });

  it('scores 500 members answering the same question at once, each once', async () => {
    const players = await seedMembers('5', 500);
    const questions = await startAll(players);
    clock.advance(5_000);
    // Even members press the right option, odd ones a wrong one: all at the same moment.
    const replies = await Promise.all(
      players.map((player, i) => {
        const buttons = buttonsOf(questions[i]);
        const button =
          i % 2 === 0 ? buttons.find((b) => b.label === 'Ethiopia') : buttons.find((b) => b.label !== 'Ethiopia');
        return handle(player.address, { kind: 'button', payload: button!.payload });
      }),
    );
    expect(replies.filter((reply) => reply[0]!.text.includes('✅'))).toHaveLength(250);
    expect(replies.filter((reply) => reply[0]!.text.includes('❌'))).toHaveLength(250);
    const attempts = await quizApp.app.db.prisma.quizAttempt.findMany({
      where: { memberId: { in: players.map((p) => p.memberId) } },
    });
    expect(attempts).toHaveLength(500);
    expect(attempts.every((attempt) => attempt.completedAt !== null && attempt.nextIndex === 1)).toBe(true);
    expect(attempts.filter((attempt) => attempt.points === 15)).toHaveLength(250);
    const credits = await quizApp.app.db.prisma.ledgerEntry.findMany({ where: { kind: 'quiz' } });
    expect(credits).toHaveLength(250);
    expect(new Set(credits.map((credit) => credit.idempotencyKey)).size).toBe(250);
    await expectLedgerMatchesBalances();
  }, 240_000);

  it('counts 50 double taps arriving at once as 50 answers', async () => {
    const players = await seedMembers('6', 50);
    const questions = await startAll(players);
    clock.advance(2_000);
    const taps = players.flatMap((player, i) => {
      const right = buttonsOf(questions[i]).find((b) => b.label === 'Ethiopia')!.payload;
      return [0, 1].map(() => handle(player.address, { kind: 'button', payload: right }));
    });
    const replies = await Promise.all(taps);
    expect(replies.filter((reply) => reply[0]!.text.includes('✅'))).toHaveLength(50);
    expect(
      replies.filter((reply) => reply[0]!.text.includes('answered already') || reply[0]!.text.includes('played')),
    ).toHaveLength(50);
    const memberIds = players.map((p) => p.memberId);
    const credits = await quizApp.app.db.prisma.ledgerEntry.findMany({
      where: { kind: 'quiz', memberId: { in: memberIds } },
    });
    expect(credits).toHaveLength(50);
    expect(credits.every((credit) => credit.delta === 15)).toBe(true);
    const answers = await quizApp.app.db.prisma.quizAnswer.count({
      where: { attempt: { memberId: { in: memberIds } } },
    });
    expect(answers).toBe(50);
    await expectLedgerMatchesBalances();
  }, 120_000);
});
