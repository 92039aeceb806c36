// What a failed Web API call means for the outbox, with the errors the real
// WebClient throws when the local Slack stand-in answers as slack.com does.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackSendResult } from '../../../bots/slack/slackSendResult.ts';
import type { SendResult } from '../../../core/outbox/sender.ts';
import { FakeSlackApi } from '../../support/fakeSlackApi.ts';

const STAFF = 'C0STAFF001';

let fake: FakeSlackApi;
let client: WebClient;

beforeEach(async () => {
  fake = await FakeSlackApi.start();
  // As the outbox's client is built: every failure, 429s included, reaches the caller at once.
  client = new WebClient(fake.token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
});

afterEach(async () => {
  await fake.close();
});

/** Posts to the staff channel and returns what the failure means; fails the test when the post succeeds. */
async function resultOfPost(): Promise<SendResult> {
  try {
    await client.chat.postMessage({ channel: STAFF, text: 'Ticket #T-1' });
  } catch (error) {
    return slackSendResult(error);
  }
  throw new Error('chat.postMessage succeeded; the test expected it to fail');
}

describe('slackSendResult', () => {
  it('waits exactly as long as Slack’s Retry-After says on a 429', async () => {
    fake.rateLimitNext(1, 7);
    expect(await resultOfPost()).toMatchObject({ kind: 'retryAfter', seconds: 7 });
  });

  it('retries later when Slack answers 503', async () => {
    fake.down('unavailable');
    expect(await resultOfPost()).toMatchObject({ kind: 'transient' });
  });

  it('retries later when the connection is dropped without an answer', async () => {
    fake.down('reset');
    expect(await resultOfPost()).toMatchObject({ kind: 'transient' });
  });

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
    'retries later when Slack reports its own trouble (%s) in a 200 answer',
    async (error) => {
      fake.failNext('chat.postMessage', error);
      expect(await resultOfPost()).toMatchObject({ kind: 'transient' });
    },
  );

  it.each(['channel_not_found', 'not_in_channel', 'invalid_blocks'])(
    'gives up on an error Slack gives in its answer (%s), naming it',
    async (error) => {
      fake.failNext('chat.postMessage', error);
      const result = await resultOfPost();
      expect(result.kind).toBe('rejected');
      expect(result).toMatchObject({ reason: expect.stringContaining(error) });
    },
  );

  it('stops the desk, keeping the post, when the token is not accepted, and says what to check', async () => {
    client = new WebClient('xoxb-revoked', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
    expect(await resultOfPost()).toMatchObject({
      kind: 'unauthorized',
      reason: expect.stringMatching(/invalid_auth.*SLACK_BOT_TOKEN/),
    });
  });

  it.each(['token_revoked', 'account_inactive', 'not_authed'])(
    'stops the desk, keeping the post, when Slack answers %s',
    async (error) => {
      fake.failNext('chat.postMessage', error);
      expect(await resultOfPost()).toMatchObject({ kind: 'unauthorized' });
    },
  );

  it('rethrows what is not a Web API error: our own code failed', () => {
    const bug = new TypeError('card is undefined');
    expect(() => slackSendResult(bug)).toThrow(bug);
  });
});
