// A quiz on Viber and Telegram at once, both real transports: the Viber
// keyboard plays it, and the same person's Telegram chat continues the same
// attempt (one member, one attempt), its clock still running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { createOpenQuiz } from '../../core/quizzes/support/openQuiz.ts';
import { startFakeBotApi, type FakeBotApi } from '../../support/fakeBotApi.ts';
import { callbackUpdate, commandUpdate, contactUpdate, textUpdate } from '../../support/telegramUpdates.ts';
import { eventually } from './support/eventually.ts';
import { ViberHarness } from './support/viberHarness.ts';

const ADMIN_TOKEN = 'viber-quiz-admin-token-0123456789abcdefg';
const PHONE = '37369123456';
const ANNA_TELEGRAM = 6006;

describe('a quiz on Viber, continued in Telegram', () => {
  let telegram: FakeBotApi;
  let harness: ViberHarness;
  let updateId = 0;
  const withId = () => ({ withUpdateId: (updateId += 1) });

  beforeAll(async () => {
    telegram = await startFakeBotApi();
    harness = await ViberHarness.start({ telegram, env: { ADMIN_TOKEN } });
    await createOpenQuiz(harness.app.url, ADMIN_TOKEN);
  });

  afterAll(async () => {
    await harness?.stop();
    await telegram?.close();
  });

  it('plays with the Viber keyboard, and a linked Telegram chat gets the same attempt, not a second one', async () => {
    await harness.telegramUpdate(commandUpdate(ANNA_TELEGRAM, '/start', undefined, withId()));
    await harness.telegramUpdate(callbackUpdate(ANNA_TELEGRAM, payload.consentAccept('en'), undefined, withId()));
    await harness.telegramUpdate(textUpdate(ANNA_TELEGRAM, 'Anna Popescu', withId()));
    await harness.telegramUpdate(contactUpdate(ANNA_TELEGRAM, PHONE, withId()));
    await harness.telegramUpdate(callbackUpdate(ANNA_TELEGRAM, payload.skipBirthday, undefined, withId()));

    const anna = harness.user('AnNaQuizViber00000A=', { language: 'en' });
    await anna.opens();
    await anna.taps('I agree');
    await anna.types('Anna');
    // Viber's contact proves nothing: the code sent to the card's Telegram chat joins the two.
    await anna.sharesPhone(`+${PHONE}`);
    const notice = await eventually(async () =>
      telegram.sentTexts(ANNA_TELEGRAM).find((text) => /\b\d{6}\b/.test(text) && text.includes('Viber')),
    );
    await anna.types(/\b(\d{6})\b/.exec(notice)![1]!);

    const [intro, first] = await anna.types('quiz');
    expect(intro!.text).toContain('Coffee quiz');
    expect(first!.text).toContain('Question 1 of 3');
    expect(first!.buttons.map((button) => button.Text).sort()).toEqual(
      expect.arrayContaining(['Brazil', 'Ethiopia', 'Italy', 'Vietnam']),
    );
    const [right, second] = await anna.taps('Ethiopia');
    expect(right!.text).toContain('✅');
    expect(second!.text).toContain('Question 2 of 3');

    // The same person in Telegram: the question waiting is question 2 of the same attempt.
    await harness.telegramUpdate(commandUpdate(ANNA_TELEGRAM, '/quiz', undefined, withId()));
    const resumed = await eventually(async () =>
      telegram
        .callsTo('sendMessage')
        .map((call) => String(call.payload.text))
        .find((text) => text.includes('Question 2 of 3')),
    );
    expect(resumed).toContain('left');
    const member = await harness.prisma.member.findFirstOrThrow();
    expect(await harness.prisma.quizAttempt.count({ where: { memberId: member.id } })).toBe(1);
    expect(await harness.prisma.quizAttempt.findFirstOrThrow({ where: { memberId: member.id } })).toMatchObject({
      nextIndex: 1,
      score: 1,
    });
  });
});
