import { createHmac } from 'node:crypto';

/**
 * The order in which one voter sees the entries: ascending by
 * HMAC-SHA256(contest seed, "voterId:entryId"). Each voter has an order of
 * their own, fixed for them (Next walks it, a new message resumes it), so
 * no entry gains from being sent early; the voter's own entry is left out.
 */
export function orderFor<E extends { id: string; memberId: string }>(seed: string, voterId: string, entries: E[]): E[] {
  return entries
    .filter((entry) => entry.memberId !== voterId)
    .map((entry) => ({ entry, key: createHmac('sha256', seed).update(`${voterId}:${entry.id}`).digest('hex') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ entry }) => entry);
}
