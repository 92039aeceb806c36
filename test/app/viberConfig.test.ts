import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.ts';

const VIBER_TOKEN = '5ab1c2d3e4f50617-28394a5b6c7d8e9f-0a1b2c3d4e5f6a7b';
const viber = { VIBER_AUTH_TOKEN: VIBER_TOKEN, VIBER_BOT_NAME: 'Cafe Loyalty' };

function errorFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('the Viber configuration', () => {
  it('is off unless VIBER_AUTH_TOKEN is set, and talks to Viber’s own API by default', () => {
    const config = loadConfig({});

    expect(config.VIBER_AUTH_TOKEN).toBeUndefined();
    expect(config.VIBER_API_URL).toBe('https://chatapi.viber.com/pa');
  });

  it('reads the token, the sender’s name and avatar, and the API URL', () => {
    const config = loadConfig({
      ...viber,
      VIBER_BOT_AVATAR: 'https://shop.example/avatar.jpg',
      VIBER_API_URL: 'http://127.0.0.1:9000/pa',
    });

    expect(config).toMatchObject({
      ...viber,
      VIBER_BOT_AVATAR: 'https://shop.example/avatar.jpg',
      VIBER_RATE_PER_SECOND: 30,
    });
  });

  it.each([
    [
      { ...viber, VIBER_AUTH_TOKEN: 'not a token' },
      /^Invalid configuration: VIBER_AUTH_TOKEN must be the token the Viber Admin Panel shows/,
    ],
    [
      { ...viber, VIBER_BOT_NAME: 'A name far longer than Viber allows' },
      /^Invalid configuration: VIBER_BOT_NAME must be at most 28 characters/,
    ],
    [
      { VIBER_AUTH_TOKEN: VIBER_TOKEN },
      /^Invalid configuration: VIBER_BOT_NAME is required when VIBER_AUTH_TOKEN is set/,
    ],
    [{ ...viber, VIBER_BOT_AVATAR: 'avatar.jpg' }, /^Invalid configuration: VIBER_BOT_AVATAR must be an http\(s\) URL/],
    [
      { ...viber, VIBER_CHAT_URI: 'viber://pa?chatURI=shop' },
      /^Invalid configuration: VIBER_CHAT_URI must be the bot’s URI as the Viber Admin Panel shows it/,
    ],
    [{ ...viber, VIBER_API_URL: 'ftp://viber' }, /^Invalid configuration: VIBER_API_URL must be an http\(s\) URL/],
  ])('stops with one line naming the variable: %o', (env, message) => {
    const line = errorFor(env);

    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
    expect(line).not.toContain(VIBER_TOKEN);
  });
});
