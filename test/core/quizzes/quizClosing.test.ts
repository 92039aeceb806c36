// Closing: the job closes a quiz past its time, ends the attempts under way
// with what they scored, and sends everyone who played the final top 10 and
// their own place through the outbox, except to those who muted "games".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { buttonsOf, quizBody, startQuizApp, testClock, type QuizApp } from './support/quizApp.ts';
import { quizPlayer } from './support/quizPlayer.ts';

describeEachProvider('Closing a quiz', (provider) => {
  const clock = testClock();
  let quizApp: QuizApp;

  beforeAll(async () => {
    quizApp = await startQuizApp(provider, clock.now);
  });

  afterAll(async () => {
    await quizApp?.stop();
  });

  it('closes when its time is up, credits the unfinished as they stand, and announces the standings once', async () => {
    const { body: quiz } = await quizApp.call<{ id: string }>(
      'POST',
      '/api/v1/quizzes',
      quizBody({ closesAt: '2026-12-02T12:00:00Z' }),
    );
    const best = quizPlayer(quizApp, `close-best-${provider}`);
    await best.joins('Ana Popescu', '+37369222001');
    const muted = quizPlayer(quizApp, `close-muted-${provider}`);
    await muted.joins('Ion Rusu', '+37369222002', 'ro');
    await muted.presses(payload.toggleNotification('games'));
    const halfway = quizPlayer(quizApp, `close-halfway-${provider}`);
    await halfway.joins('Elena Ceban', '+37369222003', 'ru');

    let [, question] = await best.say({ kind: 'command', command: 'quiz' });
    for (const label of ['Ethiopia', 'Americano', 'Drip coffee']) {
      clock.advance(1_000);
      question = (await best.answers(question, label))[1];
    }
    [, question] = await muted.say({ kind: 'command', command: 'quiz' });
    for (const label of ['Brazil', 'Americano', 'Drip coffee']) {
      clock.advance(1_000);
      question = (await muted.answers(question, label))[1];
    }
    [, question] = await halfway.say({ kind: 'command', command: 'quiz' });
    clock.advance(1_000);
    await halfway.answers(question, 'Ethiopia');

    // Not yet: the job leaves an open quiz alone.
    await quizApp.runJobs();
    expect((await quizApp.app.db.prisma.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).state).toBe('published');

    clock.advance(2 * 3_600_000);
    await quizApp.runJobs();
    await quizApp.runJobs();
    const closed = await quizApp.app.db.prisma.quiz.findUniqueOrThrow({ where: { id: quiz.id } });
    expect(closed.state).toBe('closed');
    const halfwayMember = await quizApp.app.db.prisma.chat.findFirstOrThrow({ where: { address: halfway.address } });
    const attempt = await quizApp.app.db.prisma.quizAttempt.findFirstOrThrow({
      where: { memberId: halfwayMember.memberId! },
    });
    expect(attempt).toMatchObject({ finishedBy: 'close', score: 1, points: 10 });
    const member = await quizApp.app.db.prisma.member.findUniqueOrThrow({ where: { id: halfwayMember.memberId! } });
    expect(member.balance).toBe(10);

    const messages = await quizApp.app.db.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `quiz:${quiz.id}:final:` } },
    });
    expect(messages).toHaveLength(3);
    const byAddress = new Map(messages.map((m) => [m.address, m]));
    const toBest = byAddress.get(best.address)!;
    // Queued for sending (a lane may already have sent it); never muted.
    expect(['pending', 'sending', 'sent']).toContain(toBest.status);
    expect(toBest.payload).toContain('1. Ana P. — 3');
    expect(toBest.payload).toContain('2. Ion R. — 2');
    expect(toBest.payload).toContain('Your place: 1 of 3');
    expect(byAddress.get(muted.address)!.status).toBe('muted');
    expect(byAddress.get(halfway.address)!.payload).toContain('Ваше место: 3 из 3');

    // The menu offers it no more, and a late press is told it closed.
    const [menu] = await halfway.say({ kind: 'command', command: 'menu' });
    expect(buttonsOf(menu).some((button) => button.label.startsWith('🎯'))).toBe(false);
  });

  it('offers "games" among the notification switches', async () => {
    const person = quizPlayer(quizApp, `close-switches-${provider}`);
    await person.joins('Dorin Popa', '+37369222004');
    const [screen] = await person.presses('menu:notifications');
    expect(buttonsOf(screen).map((button) => button.label)).toContain('✅ Quizzes and games');
  });
});
