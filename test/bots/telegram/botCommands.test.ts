// Telegram's menu button lists the bot's commands in the user's app language:
// the application sets one list per language we speak and a default one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { TelegramHarness } from './support/telegramHarness.ts';

const t = createTranslator();

let harness: TelegramHarness;

beforeAll(async () => {
  harness = await TelegramHarness.start({ env: { DEFAULT_LOCALE: 'ro' } });
});

afterAll(async () => {
  await harness.stop();
});

const listFor = (language: string | undefined) =>
  harness.fake.callsTo('setMyCommands').find((call) => call.payload.language_code === language)?.payload.commands;

describe('the command list at start-up', () => {
  it('is set for Russian, Romanian and English, and by default in DEFAULT_LOCALE', () => {
    expect(
      harness.fake
        .callsTo('setMyCommands')
        .map((call) => call.payload.language_code ?? 'default')
        .sort(),
    ).toEqual(['default', 'en', 'ro', 'ru']);
    expect(listFor(undefined)).toEqual(listFor('ro'));
  });

  it('describes each command in its language, from the catalogues', () => {
    expect(listFor('ru')).toContainEqual({
      command: 'balance',
      description: t.forLocale('ru')('telegram.commands.balance'),
    });
    expect(listFor('ro')).toContainEqual({ command: 'card', description: 'Cardul meu și codul pentru casă' });
    expect(listFor('en')).toContainEqual({ command: 'human', description: 'Talk to a person' });
  });

  it('lists the customer commands only, not the cashier’s', () => {
    const commands = (listFor('en') as Array<{ command: string }>).map((entry) => entry.command);

    expect(commands).toEqual([
      'start',
      'menu',
      'balance',
      'card',
      'history',
      'invite',
      'notifications',
      'language',
      'complaint',
      'human',
      'quiz',
      'contest',
      'help',
      'chats',
      'mydata',
    ]);
  });
});
