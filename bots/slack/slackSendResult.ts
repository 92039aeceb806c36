import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import type { SendResult } from '../../core/outbox/sender.ts';

/**
 * What a failed Web API call means for the outbox: rate limits wait exactly
 * as long as Slack asks, an outage or a network failure is retried, and an
 * error Slack gives in its answer (`channel_not_found`, `not_in_channel`…)
 * will not go away by itself, so it is final and logged.
 */
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
      if (slackError === 'internal_error' || slackError === 'fatal_error' || slackError === 'service_unavailable' || slackError === 'request_timeout') return { kind: 'transient', reason };
      return { kind: 'rejected', reason };
    }
    default:
      throw error;
  }
}
