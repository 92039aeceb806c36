// What a test reads off the bot's Telegram replies: their texts, and the
// labels and payloads of their inline buttons.
import type { BotReply } from './telegramUser.ts';

export const texts = (replies: BotReply[]) => replies.map((reply) => reply.text);

/** Every button's label, row after row, in one list (none for no reply). */
export const labelsOf = (reply: BotReply | undefined) => reply?.buttons.flat().map((button) => button.text) ?? [];

/** The button labels as the keyboard lays them out, row by row. */
export const labelRowsOf = (reply: BotReply | undefined) =>
  reply?.buttons.map((row) => row.map((button) => button.text));

/** The button payloads as the keyboard lays them out, row by row. */
export const payloadRowsOf = (reply: BotReply | undefined) =>
  reply?.buttons.map((row) => row.map((button) => button.data));
