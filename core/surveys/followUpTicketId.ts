import { createHash } from 'node:crypto';

/**
 * The id of the desk ticket that follows up a detractor's answer, derived
 * from the answer: whoever opens it first (the member's comment or Skip, or
 * the job for a member who said nothing more), the second finds it taken, so
 * one answer opens one ticket. UUID-shaped (36 characters), as ticket ids are,
 * which keeps the ticket's buttons within Telegram's 64-byte payloads.
 */
export function followUpTicketIdOf(questionId: string): string {
  const hex = createHash('sha256').update(`nps-follow-up:${questionId}`).digest('hex');
  // Version 8 (custom) and the RFC 9562 variant, so it reads as what it is.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}
