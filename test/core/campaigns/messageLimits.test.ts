// A campaign's text is refused before sending when, with its placeholders at
// their longest, it would not fit a channel the segment reaches.
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../../core/campaigns/messageLimits.ts';

describe('the channels’ length limits', () => {
  it('allows Telegram’s 4,096 characters, and refuses one more', () => {
    expect(messageProblems({ en: 'a'.repeat(4096) }, false)).toEqual([]);
    expect(messageProblems({ ru: 'a'.repeat(4097) }, false)).toEqual([
      { locale: 'ru', reason: 'too-long', channel: 'telegram', limit: 4096, length: 4097 },
    ]);
  });

  it('counts a placeholder at its longest: a 60-character name', () => {
    const text = `${'a'.repeat(4036)}{name}`;
    expect(messageProblems({ en: text }, false)).toEqual([]);
    expect(messageProblems({ en: `${text}!` }, false)[0]).toMatchObject({ length: 4097 });
  });

  it('holds a message with a picture to the 1,024 characters of a Telegram caption', () => {
    expect(messageProblems({ ro: 'a'.repeat(1025) }, true)).toEqual([
      { locale: 'ro', reason: 'too-long', channel: 'telegram', limit: 1024, length: 1025 },
    ]);
  });

  it('holds a segment reached on Viber only to Viber’s 7,000', () => {
    expect(messageProblems({ en: 'a'.repeat(7000) }, false, ['viber'])).toEqual([]);
    expect(messageProblems({ en: 'a'.repeat(7001) }, false, ['viber'])).toEqual([
      { locale: 'en', reason: 'too-long', channel: 'viber', limit: 7000, length: 7001 },
    ]);
  });

  it('names a placeholder that does not exist', () => {
    expect(messageProblems({ en: 'Hi {nmae}, you have {balance}' }, false)).toEqual([
      { locale: 'en', reason: 'unknown-placeholder', placeholder: 'nmae' },
    ]);
  });
});
