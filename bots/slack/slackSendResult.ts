import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import type { SendResult } from '../../core/outbox/sender.ts';

/**
 * What a failed Web API call means for the outbox: rate limits wait exactly
 * as long as Slack asks, an outage or a network failure is retried, and an
 * refused token stops the desk's lane with every post kept (it is the
 * deployment's fault, not the post's), and any other error Slack gives in
 * its answer (`channel_not_found`, `not_in_channel`…) will not go away by
 * itself, so it is final and logged.
 */
/** Slack's answers that mean the bot token itself is refused. */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

export function slackSendResult(error: unknown): SendResult {
  const code = (error as Partial<WebAPICallError>)?.code;
  const reason = (error as Error)?.message ?? String(error);
  switch (code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'retryAfter', seconds: (error as { retryAfter: number }).retryAfter, reason };
    case ErrorCode.RequestError:
    case ErrorCode.HTTPError:
      return { kind: 'transient', reason };
    case ErrorCode.PlatformError: {
      const slackError = (error as { data?: { error?: string } }).data?.error;
      // Slack's own trouble, reported in a 200 answer.
      if (
        slackError === 'internal_error' ||
        slackError === 'fatal_error' ||
        slackError === 'service_unavailable' ||
        slackError === 'request_timeout'
      )
        return { kind: 'transient', reason };
      if (slackError && REFUSED_TOKEN.has(slackError))
        return { kind: 'unauthorized', reason: `${reason} (check SLACK_BOT_TOKEN and SLACK_API_URL)` };
      return { kind: 'rejected', reason };
    }
    default:
      throw error;
  }
}
