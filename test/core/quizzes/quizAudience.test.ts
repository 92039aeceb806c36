// A quiz for a saved segment: only its members see "🎯 {title}" and may
// start it; others are told politely; an attempt under way goes on when the
// member leaves the segment; a segment deleted meanwhile shows it to nobody;
// an audience naming no segment is refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { quizPayload } from '../../../core/quizzes/quizPayloads.ts';
import { buttonsOf, quizBody, startQuizApp, testClock, type QuizApp } from './support/quizApp.ts';
import { quizPlayer } from './support/quizPlayer.ts';

const en = createTranslator().forLocale('en');

describeEachProvider('A quiz for a segment', (provider) => {
  const clock = testClock();
  let quizApp: QuizApp;
  let phones = 0;
  const newMember = async (locale: 'en' | 'ru' | 'ro') => {
    phones += 1;
    const player = quizPlayer(quizApp, `audience-${provider}-${phones}`);
    await player.joins('Ana Popescu', `+3736910${String(phones).padStart(4, '0')}`, locale);
    return player;
  };
  const labels = async (player: ReturnType<typeof quizPlayer>) =>
    buttonsOf((await player.opens())[0]).map((button) => button.label);
  const segment = async (name: string, filters: Record<string, unknown>) =>
    (await quizApp.call<{ id: string }>('POST', '/api/v1/segments', { name, filters })).body.id;

  beforeAll(async () => {
    quizApp = await startQuizApp(provider, clock.now);
  });

  afterAll(async () => {
    await quizApp?.stop();
  });

  it('is shown to the segment’s members only, and a button pressed by another starts nothing', async () => {
    const english = await segment('English speakers', { locales: ['en'] });
    const quiz = await quizApp.call<{ id: string; segmentId: string }>(
      'POST',
      '/api/v1/quizzes',
      quizBody({ title: { en: 'Members quiz' }, segmentId: english }),
    );
    expect(quiz.status).toBe(201);
    expect(quiz.body.segmentId).toBe(english);
    const ana = await newMember('en');
    const ion = await newMember('ro');
    expect(await labels(ana)).toContain('🎯 Members quiz');
    expect(await labels(ion)).not.toContain('🎯 Members quiz');
    const [refused] = await ion.presses(quizPayload.open(quiz.body.id));
    expect(refused!.text).toBe(createTranslator().forLocale('ro')('quiz.notForYou'));
    expect(await quizApp.app.db.prisma.quizAttempt.count({ where: { quizId: quiz.body.id } })).toBe(0);
    const [, first] = await ana.presses(quizPayload.open(quiz.body.id));
    expect(first!.text).toContain('Question 1 of 3');
  });

  it('lets an attempt under way go on after the member leaves the segment', async () => {
    const english = await segment('English, again', { locales: ['en'] });
    const quiz = await quizApp.call<{ id: string }>(
      'POST',
      '/api/v1/quizzes',
      quizBody({ title: { en: 'Second quiz' }, segmentId: english }),
    );
    const ana = await newMember('en');
    const [, first] = await ana.presses(quizPayload.open(quiz.body.id));
    expect(first!.text).toContain('Question 1 of 3');
    // She switches to Romanian: no longer in the segment, yet her attempt continues.
    const chat = await quizApp.app.db.prisma.chat.findFirstOrThrow({ where: { address: ana.address } });
    await quizApp.app.db.prisma.member.update({ where: { id: chat.memberId! }, data: { locale: 'ro' } });
    const [again] = await ana.presses(quizPayload.open(quiz.body.id));
    expect(again!.text).not.toBe(en('quiz.notForYou'));
    expect(buttonsOf(again).length).toBeGreaterThan(1);
  });

  it('shows a quiz whose segment was deleted to nobody, and refuses an audience that names no segment', async () => {
    const doomed = await segment('Doomed', {});
    await quizApp.call('POST', '/api/v1/quizzes', quizBody({ title: { en: 'Orphan quiz' }, segmentId: doomed }));
    const ana = await newMember('en');
    expect(await labels(ana)).toContain('🎯 Orphan quiz');
    expect((await quizApp.call('DELETE', `/api/v1/segments/${doomed}`)).status).toBe(200);
    expect(await labels(ana)).not.toContain('🎯 Orphan quiz');

    const before = await quizApp.app.db.prisma.quiz.count();
    const refused = await quizApp.call<{ errors: { pointer: string }[] }>(
      'POST',
      '/api/v1/quizzes',
      quizBody({ segmentId: 'no-such-segment' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.pointer)).toEqual(['/segmentId']);
    expect(await quizApp.app.db.prisma.quiz.count()).toBe(before);
  });
});
