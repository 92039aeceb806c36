import type { SendResult } from '../../core/outbox/sender.ts';
import { ViberApiError, ViberHttpError, viberStatus } from './viberApi.ts';

/** Viber names no wait after "too many requests"; the whole channel pauses this long. */
export const TOO_MANY_REQUESTS_PAUSE_SECONDS = 5;

/**
 * What a failed call means for the outbox. Viber answers HTTP 200 for its
 * refusals too, so the kind comes from `status`: a person who is not
 * registered or not subscribed is unreachable (final, no retry loop), too
 * many requests pauses the channel, a refused token or account stops the
 * lane, a network failure backs off. Anything else is our own code failing
 * and is rethrown.
 */
export function viberSendResult(error: unknown): SendResult {
  if (error instanceof ViberHttpError) return { kind: 'transient', reason: error.message };
  if (!(error instanceof ViberApiError)) throw error;
  const reason = `status ${error.status}: ${error.statusMessage}`;
  switch (error.status) {
    case viberStatus.receiverNotRegistered:
    case viberStatus.receiverNotSubscribed:
      return { kind: 'unreachable', reason };
    case viberStatus.tooManyRequests:
      return { kind: 'retryAfter', seconds: TOO_MANY_REQUESTS_PAUSE_SECONDS, reason };
    case viberStatus.invalidAuthToken:
    case viberStatus.accountBlocked:
    case viberStatus.accountNotFound:
    case viberStatus.accountSuspended:
      return {
        kind: 'unauthorized',
        reason: `${reason} (check VIBER_AUTH_TOKEN and the bot in the Viber Admin Panel)`,
      };
    case viberStatus.webhookNotSet:
      // Viber sends nothing until the webhook is set; start-up sets it, so this passes.
      return { kind: 'transient', reason };
    default:
      return error.status > 14 ? { kind: 'transient', reason } : { kind: 'rejected', reason };
  }
}
