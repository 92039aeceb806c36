// A staff reply written with Slack's markup reaches the customer as plain
// words: through the real Bolt app, the desk and the fake Telegram Bot API.
import { offerPayload } from '../../../core/understanding/offerTicket.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { registerMember } from '../telegram/support/registerMember.ts';
import { DeskHarness, ION, MARIA } from './support/deskHarness.ts';

const ru = createTranslator().forLocale('ru');
let desk: DeskHarness;

beforeEach(async () => {
  desk = await DeskHarness.start();
});

afterEach(async () => {
  await desk.stop();
});

it('turns mentions, entities, links and channels of a staff reply into readable text for the customer', async () => {
  const anna = desk.telegram.user(1001, { firstName: 'Анна', languageCode: 'ru' });
  await registerMember(anna);
  await anna.types('Хочу пожаловаться: кофе был холодный');
  await anna.presses(offerPayload.yes);
  const [ticket] = await desk.ticketMessages();
  const written = `Мы &lt;3 наших гостей &amp; вернём деньги: <https://shop.example/returns?a=1&amp;b=2|условия возврата>, <https://shop.example/>. <@${ION.id}> из <#C0STAFF001|staff-desk> позвонит.`;
  expect((await desk.replyInThread(MARIA.id, ticket!.ts, written)).status).toBe(200);

  const [answer] = await anna.nextReplies(1);
  const readable =
    'Мы <3 наших гостей & вернём деньги: условия возврата (https://shop.example/returns?a=1&b=2), https://shop.example/. @Ion Rusu из #staff-desk позвонит.';
  expect(answer?.text).toBe(ru('desk.staffReply', { name: 'Maria', text: readable }));
  expect(answer?.text).toContain(readable);
});
