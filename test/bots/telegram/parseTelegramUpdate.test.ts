import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from '../../../bots/telegram/parseTelegramUpdate.ts';
import {
  callbackUpdate,
  commandUpdate,
  contactUpdate,
  photoUpdate,
  textUpdate,
} from '../../support/telegramUpdates.ts';

const ANNA = 501;

/** The same update, as if it had been sent in a group the bot is in. */
function inGroup(update: Update): Update {
  const message = update.message!;
  return {
    ...update,
    message: { ...message, chat: { id: -100_200, type: 'group', title: 'Coffee lovers' } },
  } as Update;
}

describe('parseTelegramUpdate', () => {
  it('turns a private text message into a text event addressed to the chat', () => {
    const update = textUpdate(ANNA, 'Анна', { withUpdateId: 7001, firstName: 'Anna', languageCode: 'ro-MD' });

    expect(parseTelegramUpdate(update)).toEqual({
      channel: 'telegram',
      address: String(ANNA),
      updateId: '7001',
      languageHint: 'ro-MD',
      profileName: 'Anna',
      event: { kind: 'text', text: 'Анна' },
    });
  });

  it('reads a command addressed to the bot by name, with its payload', () => {
    const update = commandUpdate(ANNA, '/start@loyalty_test_bot', 'ref-42', { withUpdateId: true });

    expect(parseTelegramUpdate(update)?.event).toEqual({ kind: 'command', command: 'start', payload: 'ref-42' });
  });

  it('reads a bare command without a payload', () => {
    const update = commandUpdate(ANNA, '/balance', undefined, { withUpdateId: true });

    expect(parseTelegramUpdate(update)?.event).toEqual({ kind: 'command', command: 'balance' });
  });

  it('reads a command typed in capitals as the same command', () => {
    const update = commandUpdate(ANNA, '/START', undefined, { withUpdateId: true });

    expect(parseTelegramUpdate(update)?.event).toEqual({ kind: 'command', command: 'start' });
  });

  it('keeps a text that only mentions a command later on as text', () => {
    const update = textUpdate(ANNA, 'please /help', { withUpdateId: true });
    update.message!.entities = [{ type: 'bot_command', offset: 7, length: 5 }];

    expect(parseTelegramUpdate(update)?.event).toEqual({ kind: 'text', text: 'please /help' });
  });

  it("vouches for a contact that is the sender's own", () => {
    const update = contactUpdate(ANNA, '37369123456', { withUpdateId: true });

    expect(parseTelegramUpdate(update)?.event).toEqual({ kind: 'contact', phone: '37369123456', ownership: 'proven' });
  });

  it('does not vouch for a contact that belongs to someone else', () => {
    const update = contactUpdate(ANNA, '37369123456', { withUpdateId: true, ownerUserId: 999 });

    expect(parseTelegramUpdate(update)?.event).toEqual({
      kind: 'contact',
      phone: '37369123456',
      ownership: 'someone-else',
    });
  });

  it('does not vouch for a contact card that is no Telegram user', () => {
    const update = contactUpdate(ANNA, '37369123456', { withUpdateId: true, ownerUserId: null });

    expect(parseTelegramUpdate(update)?.event).toMatchObject({ kind: 'contact', ownership: 'someone-else' });
  });

  it('takes the largest size of a photo, with its caption', () => {
    const update = photoUpdate(ANNA, { withUpdateId: true, caption: 'my receipt' });
    const largest = update.message!.photo!.reduce((a, b) => (b.width > a.width ? b : a));

    expect(parseTelegramUpdate(update)?.event).toEqual({
      kind: 'photo',
      fileId: largest.file_id,
      caption: 'my receipt',
    });
  });

  it('turns a button press into a button event with its callback data, addressed to the chat of the message', () => {
    const update = callbackUpdate(ANNA, 'menu:balance', 10, { withUpdateId: 7002 });

    expect(parseTelegramUpdate(update)).toMatchObject({
      address: String(ANNA),
      updateId: '7002',
      event: { kind: 'button', payload: 'menu:balance' },
    });
  });

  it('ignores a button press that carries no callback data', () => {
    const update = callbackUpdate(ANNA, 'x', 10, { withUpdateId: true });
    delete update.callback_query!.data;

    expect(parseTelegramUpdate(update)).toBeNull();
  });

  it('ignores messages in group chats', () => {
    expect(parseTelegramUpdate(inGroup(textUpdate(ANNA, 'hello', { withUpdateId: true })))).toBeNull();
    expect(parseTelegramUpdate(inGroup(commandUpdate(ANNA, '/start', undefined, { withUpdateId: true })))).toBeNull();
  });

  it('ignores messages sent by other bots', () => {
    const update = textUpdate(ANNA, 'hello', { withUpdateId: true });
    update.message!.from.is_bot = true;

    expect(parseTelegramUpdate(update)).toBeNull();
  });

  it('ignores updates the assistant does not answer, such as edits and stickers', () => {
    const sent = textUpdate(ANNA, 'hello', { withUpdateId: true });
    const edited = { update_id: sent.update_id, edited_message: { ...sent.message!, edit_date: 1 } } as Update;
    const sticker = textUpdate(ANNA, 'x', { withUpdateId: true });
    delete (sticker.message as { text?: string }).text;

    expect(parseTelegramUpdate(edited)).toBeNull();
    expect(parseTelegramUpdate(sticker)).toBeNull();
  });

  it('leaves the language hint out when Telegram does not know the language', () => {
    const update = textUpdate(ANNA, 'hello', { withUpdateId: true });
    delete update.message!.from.language_code;

    expect(parseTelegramUpdate(update)).not.toHaveProperty('languageHint');
  });
});
