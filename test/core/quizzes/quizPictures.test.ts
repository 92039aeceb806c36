// A question's picture travels with the question as an address and a
// description in the member's language; channels decide how to show it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { quizBody, startQuizApp, testClock, type QuizApp } from './support/quizApp.ts';
import { quizPlayer } from './support/quizPlayer.ts';

const BEANS = 'https://shop.example/quiz/beans.jpg';

describeEachProvider('Pictures in a quiz', (provider) => {
  const clock = testClock();
  let quizApp: QuizApp;
  let quizId: string;
  let phones = 0;

  const newMember = async (locale: 'en' | 'ru' = 'en') => {
    phones += 1;
    const player = quizPlayer(quizApp, `quiz-picture-${provider}-${phones}`);
    await player.joins('Ana Popescu', `+3736910${String(phones).padStart(4, '0')}`, locale);
    return player;
  };

  beforeAll(async () => {
    quizApp = await startQuizApp(provider, clock.now);
    const base = quizBody();
    const created = await quizApp.call<{ id: string }>(
      'POST',
      '/api/v1/quizzes',
      quizBody({ questions: [{ ...base.questions[0], imageUrl: BEANS }, ...base.questions.slice(1)] }),
    );
    expect(created.status).toBe(201);
    quizId = created.body.id;
  });

  afterAll(async () => {
    await quizApp?.stop();
  });

  it('sends a question with its picture and a description of it; a question without one has none', async () => {
    const ana = await newMember();
    const [intro, first] = await ana.say({ kind: 'command', command: 'quiz' });
    expect(intro!.image).toBeUndefined();
    expect(first!.image).toEqual({ url: BEANS, alt: 'Picture for question 1' });
    expect(first!.text).toContain('Where was coffee first found?');
    expect(first!.buttons?.flat()).toHaveLength(4);
    clock.advance(1_000);
    const [feedback, second] = await ana.answers(first, 'Ethiopia');
    expect(feedback!.image).toBeUndefined();
    expect(second!.text).toContain('Question 2 of 3');
    expect(second!.image).toBeUndefined();
  });

  it('shows the picture again with a question resumed, described in the member’s language', async () => {
    const olga = await newMember('ru');
    await olga.say({ kind: 'command', command: 'quiz' });
    clock.advance(5_000);
    const [again] = await olga.say({ kind: 'command', command: 'quiz' });
    expect(again!.text).toContain('25 с');
    expect(again!.image).toEqual({ url: BEANS, alt: 'Картинка к вопросу 1' });
  });

  it('leaves out an address that is not https, kept from before pictures had to be', async () => {
    const row = await quizApp.app.db.prisma.quiz.findUniqueOrThrow({ where: { id: quizId } });
    const questions = JSON.parse(row.questions) as { imageUrl?: string }[];
    questions[0]!.imageUrl = 'http://shop.example/quiz/beans.jpg';
    await quizApp.app.db.prisma.quiz.update({ where: { id: quizId }, data: { questions: JSON.stringify(questions) } });
    const ion = await newMember();
    const [, first] = await ion.say({ kind: 'command', command: 'quiz' });
    expect(first!.text).toContain('Where was coffee first found?');
    expect(first!.image).toBeUndefined();
  });
});
