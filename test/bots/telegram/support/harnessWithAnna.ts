import { TelegramHarness } from './telegramHarness.ts';
import type { TelegramUser } from './telegramUser.ts';

/** A fresh harness, and Anna in it: a Russian-speaking Telegram user (id 1001) who has not written yet. */
export async function startHarnessWithAnna(): Promise<{ harness: TelegramHarness; anna: TelegramUser }> {
  const harness = await TelegramHarness.start();
  return { harness, anna: harness.user(1001, { firstName: 'Анна', languageCode: 'ru' }) };
}
