// A quiz played through the real grammY adapter, long-polling the Bot API
// stand-in over loopback: inline keyboards carry opaque payloads within 64
// bytes, presses are acknowledged, a second tap of the same button counts once.
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { createOpenQuiz } from '../../core/quizzes/support/openQuiz.ts';
import { registerMember } from './support/registerMember.ts';
import { labelsOf } from './support/replyParts.ts';
import { TelegramHarness } from './support/telegramHarness.ts';

const ADMIN_TOKEN = 'telegram-quiz-admin-token-0123456789abcdef';

describe('a quiz in Telegram', () => {
  let harness: TelegramHarness;

  beforeAll(async () => {
    harness = await TelegramHarness.start({ env: { ADMIN_TOKEN } });
    // This harness runs on the real clock: the quiz is open from an hour ago, with the longest time per question.
    await createOpenQuiz(harness.app.url, ADMIN_TOKEN);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('is offered in the menu and played to the end with inline buttons', async () => {
    const anna = harness.user(3001, { firstName: 'Анна', languageCode: 'ru' });
    const [, , menu] = await registerMember(anna);
    expect(labelsOf(menu)).toContain('🎯 Кофейная викторина');
    const [intro, first] = await anna.taps('🎯 Кофейная викторина', 2);
    expect(intro!.text).toContain('Кофейная викторина');
    expect(first!.text).toContain('Где впервые нашли кофе?');
    expect(labelsOf(first).sort()).toEqual(['Brazil', 'Ethiopia', 'Italy', 'Vietnam']);
    for (const button of first!.buttons.flat()) {
      expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
      expect(button.data).toMatch(/^quiz:[0-9a-f-]{36}:0:\d$/);
    }
    const ethiopia = first!.buttons.flat().find((button) => button.text === 'Ethiopia')!.data;
    const [right, second] = await anna.presses(ethiopia, 2);
    expect(right!.text).toContain('✅');
    const answered = harness.fake.callsTo('answerCallbackQuery').map((call) => call.payload.callback_query_id);
    expect(answered).toContain(anna.lastUpdate?.callback_query?.id);
    // The same button again, as a second tap: a polite note, nothing counted.
    const [again] = await anna.presses(ethiopia);
    expect(again!.text).toContain('уже есть ответ');
    expect(second!.text).toContain('Вопрос 2 из 3');
    const [, third] = await anna.taps('Americano', 2);
    const [, done] = await anna.taps('Drip coffee', 2);
    expect(third!.text).toContain('Вопрос 3 из 3');
    expect(done!.text).toContain('Правильных ответов: 3 из 3, начислено 35 баллов');
    const member = await harness.prisma.member.findFirstOrThrow({ where: { chats: { some: { address: '3001' } } } });
    const attempt = await harness.prisma.quizAttempt.findFirstOrThrow({ where: { memberId: member.id } });
    expect(attempt).toMatchObject({ score: 3, points: 35 });
  });

  it('starts with /quiz too', async () => {
    const ion = harness.user(3002, { firstName: 'Ion', languageCode: 'ro' });
    await registerMember(ion, { locale: 'ro', name: 'Ion', phone: '37369123457' });
    const [intro, first] = await ion.commands('/quiz', 2);
    expect(intro!.text).toContain('Chestionarul cafelei');
    expect(first!.buttons.flat()).toHaveLength(4);
  });
});
