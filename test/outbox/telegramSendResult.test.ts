// How Bot API errors become outbox outcomes, by kind.
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { telegramSendResult } from '../../bots/telegram/sendTelegramMessage.ts';

function apiError(code: number, description: string, retryAfter?: number): GrammyError {
  return new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter !== undefined && { parameters: { retry_after: retryAfter } }),
    },
    'sendMessage',
    {},
  );
}

describe('a failed Telegram send', () => {
  it('waits retry_after on 429', () => {
    expect(telegramSendResult(apiError(429, 'Too Many Requests: retry after 7', 7))).toMatchObject({
      kind: 'retryAfter',
      seconds: 7,
    });
  });

  it('is retried later on 5xx and when the network fails', () => {
    expect(telegramSendResult(apiError(502, 'Bad Gateway'))).toMatchObject({ kind: 'transient' });
    expect(
      telegramSendResult(new HttpError('Network request for sendMessage failed!', new Error('ECONNRESET'))),
    ).toMatchObject({ kind: 'transient' });
  });

  it('marks the person unreachable when they blocked the bot, deleted their account or the chat is gone', () => {
    expect(telegramSendResult(apiError(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({
      kind: 'unreachable',
    });
    expect(telegramSendResult(apiError(403, 'Forbidden: user is deactivated'))).toMatchObject({ kind: 'unreachable' });
    expect(telegramSendResult(apiError(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'unreachable' });
  });

  it('is refused for good on any other 4xx', () => {
    expect(telegramSendResult(apiError(400, "Bad Request: can't parse entities"))).toEqual({
      kind: 'rejected',
      reason: "400: Bad Request: can't parse entities",
    });
  });

  it('stops the lane, keeping the message, when the bot token itself is refused, and says what to check', () => {
    expect(telegramSendResult(apiError(401, 'Unauthorized'))).toMatchObject({
      kind: 'unauthorized',
      reason: expect.stringContaining('TELEGRAM_BOT_TOKEN'),
    });
  });

  it('rethrows what is no Bot API error: our own code failed', () => {
    expect(() => telegramSendResult(new TypeError('boom'))).toThrow('boom');
  });
});
