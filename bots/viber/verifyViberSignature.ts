import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `X-Viber-Content-Signature` is the hex HMAC-SHA256 of the raw
 * body, keyed by the auth token. Compared in constant time, on the bytes
 * as they arrived: a body parsed and serialized again would not match.
 */
export function verifyViberSignature(rawBody: Buffer, signature: string | undefined, authToken: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac('sha256', authToken).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** The signature Viber would send for this body (the stand-in and the benchmark sign with it). */
export function signViberBody(body: string | Buffer, authToken: string): string {
  return createHmac('sha256', authToken).update(body).digest('hex');
}
