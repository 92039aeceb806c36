import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a request was refused; only for the log, never shown to the sender. */
export type SlackRefusal = 'missing-headers' | 'stale' | 'from-the-future' | 'bad-signature' | 'replayed';

export interface SlackRequestVerifier {
  /** null when the request is Slack's and new; otherwise why it is refused. */
  verify(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): SlackRefusal | null;
}

/** Slack's own rule: a request older than five minutes is a replay; one as far in the future is forged or a broken clock. */
export const SLACK_WINDOW_SECONDS = 5 * 60;
/**
 * Far more signatures than Slack sends one app in five minutes; past it the
 * oldest are forgotten first, so memory stays bounded even under a flood of
 * genuine requests.
 */
const REMEMBERED_SIGNATURES = 100_000;

/**
 * Checks Slack's signature (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`),
 * the timestamp in both directions, and that the same signature is not
 * presented twice within the window. Bolt checks the signature again after
 * us; it only refuses old timestamps and remembers nothing, so a captured
 * request could be sent again for five minutes, or for ever with a future
 * timestamp.
 *
 * The signatures seen are kept in this process: behind a load balancer each
 * instance refuses replays of what it received itself.
 */
export function createSlackRequestVerifier(signingSecret: string, now: () => number = Date.now): SlackRequestVerifier {
  // Insertion order is arrival order, so the first entries are the oldest.
  const seen = new Map<string, number>();

  function forgetExpired(nowSeconds: number): void {
    for (const [signature, timestamp] of seen) {
      if (timestamp >= nowSeconds - SLACK_WINDOW_SECONDS && seen.size <= REMEMBERED_SIGNATURES) break;
      seen.delete(signature);
    }
  }

  return {
    verify(headers, rawBody) {
      const timestampHeader = headers['x-slack-request-timestamp'];
      const signature = headers['x-slack-signature'];
      if (typeof timestampHeader !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(timestampHeader))
        return 'missing-headers';
      const timestamp = Number(timestampHeader);
      const nowSeconds = Math.floor(now() / 1000);
      if (timestamp < nowSeconds - SLACK_WINDOW_SECONDS) return 'stale';
      if (timestamp > nowSeconds + SLACK_WINDOW_SECONDS) return 'from-the-future';
      if (!signatureMatches(signingSecret, timestampHeader, rawBody, signature)) return 'bad-signature';
      forgetExpired(nowSeconds);
      if (seen.has(signature)) return 'replayed';
      seen.set(signature, timestamp);
      return null;
    },
  };
}

function signatureMatches(secret: string, timestamp: string, rawBody: Buffer, presented: string): boolean {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`,
  );
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
