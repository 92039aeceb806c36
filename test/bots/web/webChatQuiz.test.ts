// A quiz in the web chat over real HTTP on loopback: the menu control offers
// it, each question comes with its option buttons, and the page's answer
// presses are counted against the server's clock like any other channel's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../app/startApp.ts';
import { startLoopbackApp, type LoopbackApp } from '../../support/loopbackApp.ts';
import { createOpenQuiz } from '../../core/quizzes/support/openQuiz.ts';

const ADMIN_TOKEN = 'webchat-quiz-admin-token-0123456789abcd';

interface WebButton {
  label: string;
  payload: string;
}
interface WebReply {
  text: string;
  buttons?: WebButton[][];
  menu?: WebButton[][];
}

describe('a quiz in the web chat', () => {
  let loopback: LoopbackApp;
  let app: RunningApp;
  let cookie: string | undefined;
  let sequence = 0;

  const post = async (event: Record<string, string>): Promise<WebReply[]> => {
    const response = await fetch(`${app.url}/webchat/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(cookie && { cookie: `loyalty_visitor=${cookie}` }),
      },
      body: JSON.stringify({ id: `quiz-msg-${++sequence}-abcdef`, event }),
    });
    expect(response.status).toBe(200);
    const issued = response.headers.getSetCookie().find((value) => value.startsWith('loyalty_visitor='));
    if (issued) cookie = issued.split(';')[0]!.slice('loyalty_visitor='.length);
    return ((await response.json()) as { replies: WebReply[] }).replies;
  };
  const text = (value: string) => post({ kind: 'text', text: value });
  const press = (payload: string) => post({ kind: 'button', payload });
  const option = (reply: WebReply | undefined, label: string) =>
    reply!.buttons!.flat().find((button) => button.label === label)!.payload;

  beforeAll(async () => {
    loopback = await startLoopbackApp('webchat-quiz-', { ADMIN_TOKEN });
    app = loopback.app;
    // The application runs on the real clock here: open from an hour ago, the longest time per question.
    await createOpenQuiz(app.url, ADMIN_TOKEN);
  });

  afterAll(async () => {
    await loopback?.stop();
  });

  it('is in the menu, and plays to the score with the page’s buttons', async () => {
    await text('hello');
    await press('consent:yes:en');
    await text('Ana Popescu');
    await text('+37369555001');
    const joined = await text('12.03.1990');
    const menu = joined.at(-1)!.menu!.flat();
    const entry = menu.find((button) => button.label === '🎯 Coffee quiz');
    expect(entry).toBeDefined();
    const [intro, first] = await press(entry!.payload);
    expect(intro!.text).toContain('Three questions about coffee.');
    expect(first!.text).toContain('Question 1 of 3');
    const [right, second] = await press(option(first, 'Ethiopia'));
    expect(right!.text).toContain('✅ Correct!');
    const [wrong, third] = await press(option(second, 'Ristretto'));
    expect(wrong!.text).toContain('The right answer: Americano');
    const [, done] = await press(option(third, 'Drip coffee'));
    expect(done!.text).toContain('You answered 2 of 3 correctly and earned 20 points');
    expect((done!.menu ?? []).flat().map((button) => button.label)).not.toContain('🎯 Coffee quiz');
    const member = await app.db.prisma.member.findFirstOrThrow({ where: { phone: '+37369555001' } });
    const credits = await app.db.prisma.ledgerEntry.findMany({ where: { memberId: member.id, kind: 'quiz' } });
    expect(credits.map((credit) => credit.delta)).toEqual([20]);
  });
});
