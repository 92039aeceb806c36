// A quiz question with a picture, through the real grammY adapter and the Bot
// API stand-in: Telegram is asked to fetch the picture by its address, with
// the question as caption and the options under it; when it cannot fetch it,
// the question goes out as text with the same options, and its clock is the
// one started when it was sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenQuiz, questionsWithPictures } from '../../core/quizzes/support/openQuiz.ts';
import { registerMember } from './support/registerMember.ts';
import { labelsOf } from './support/replyParts.ts';
import { TelegramHarness } from './support/telegramHarness.ts';
import type { TelegramUser } from './support/telegramUser.ts';

const ADMIN_TOKEN = 'telegram-quiz-pictures-admin-token-0123456789';
const BEANS = 'https://shop.example/quiz/beans.jpg';
const CUP = 'https://shop.example/quiz/americano.jpg';

describe('a quiz with pictures in Telegram', () => {
  let harness: TelegramHarness;
  let users = 0;

  const newPlayer = async (): Promise<TelegramUser> => {
    users += 1;
    const player = harness.user(3100 + users, { firstName: 'Anna', languageCode: 'en' });
    await registerMember(player, { locale: 'en', name: 'Anna', phone: `3736910000${users}` });
    return player;
  };
  const sentAtOf = async (player: TelegramUser, questionIndex: number) => {
    const member = await harness.prisma.member.findFirstOrThrow({
      where: { chats: { some: { address: String(player.id) } } },
    });
    const attempt = await harness.prisma.quizAttempt.findFirstOrThrow({ where: { memberId: member.id } });
    const answers = await harness.prisma.quizAnswer.findMany({ where: { attemptId: attempt.id, questionIndex } });
    return answers.map((answer) => answer.sentAt.getTime());
  };

  beforeAll(async () => {
    harness = await TelegramHarness.start({ env: { ADMIN_TOKEN } });
    // The real clock: open from an hour ago, the longest time per question.
    await createOpenQuiz(harness.app.url, ADMIN_TOKEN, { questions: questionsWithPictures(BEANS, CUP) });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('sends the question as a photo fetched by its address, the question as caption and the options under it', async () => {
    const anna = await newPlayer();
    const [intro, first] = await anna.commands('/quiz', 2);
    expect(intro).toMatchObject({ method: 'sendMessage' });
    expect(first).toMatchObject({ method: 'sendPhoto', photoUrl: BEANS });
    expect(first!.text).toContain('Question 1 of 3');
    expect(first!.text).toContain('Where was coffee first found?');
    expect(labelsOf(first).sort()).toEqual(['Brazil', 'Ethiopia', 'Italy', 'Vietnam']);

    const [right, second] = await anna.taps('Ethiopia', 2);
    expect(right).toMatchObject({ method: 'sendMessage' });
    expect(right!.text).toContain('✅');
    expect(right!.text).toContain('goat herder');
    expect(second).toMatchObject({ method: 'sendPhoto', photoUrl: CUP });
    const [, third] = await anna.taps('Americano', 2);
    expect(third).toMatchObject({ method: 'sendMessage' });
    const [, done] = await anna.taps('Drip coffee', 2);
    expect(done!.text).toContain('You answered 3 of 3 correctly and earned 35 points');
  });

  it.each(['Bad Request: wrong file identifier/HTTP URL specified', 'Bad Request: failed to get HTTP URL content'])(
    'sends the question as text with its options when Telegram answers the photo with 400 “%s”, and the answer counts',
    async (description) => {
      const ion = await newPlayer();
      harness.fake.failNext('sendPhoto', { status: 400, description });
      const [, first] = await ion.commands('/quiz', 2);
      expect(first).toMatchObject({ method: 'sendMessage' });
      expect(first!.text).toContain('Question 1 of 3');
      expect(first!.text).toContain('Where was coffee first found?');
      expect(labelsOf(first).sort()).toEqual(['Brazil', 'Ethiopia', 'Italy', 'Vietnam']);
      // The card's QR code went out as an upload at registration; the question's photo is the one by address.
      const refused = harness.fake
        .callsTo('sendPhoto')
        .filter((call) => String(call.payload.chat_id) === String(ion.id) && call.payload.photo === BEANS);
      expect(refused.map((call) => [call.payload.photo, call.rejectedWith])).toEqual([[BEANS, 400]]);
      // The clock started once, when the question was sent, before the text stood in for the photo.
      const sentAt = await sentAtOf(ion, 0);
      expect(sentAt).toHaveLength(1);
      expect(sentAt[0]).toBeLessThanOrEqual(first!.call.at);

      const [right, second] = await ion.taps('Ethiopia', 2);
      expect(right!.text).toContain('✅');
      expect(second).toMatchObject({ method: 'sendPhoto', photoUrl: CUP });
      expect(await sentAtOf(ion, 0)).toEqual(sentAt);
    },
  );
});
