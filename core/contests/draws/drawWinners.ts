import { createHash, createHmac } from 'node:crypto';
import type { Prize } from '../prize.ts';

/** An entry as the draw sees it: its public id, and whose it is. */
export interface DrawEntryRef {
  id: string;
  memberId: string;
}

/** One winner: the entry, and the index of the prize it takes. */
export interface DrawWinner {
  entryId: string;
  prize: number;
}

/** Everything the draw computed, as published: anyone can recompute it from the seed, the entry ids and the beacon. */
export interface DrawOutcome {
  entriesDigest: string;
  drawKey: string;
  winners: DrawWinner[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `hex(SHA-256(utf8(seed)))`, published at creation; the seed stays secret until the draw. */
export function commitmentOf(seed: string): string {
  return sha256(seed);
}

/** The digest of the entry list: ids sorted by their UTF-8 bytes, joined with "\n". */
export function entriesDigestOf(ids: readonly string[]): string {
  return sha256(sortedByUtf8Bytes(ids).join('\n'));
}

/** Without surrogates, UTF-16 order (the default sort's) is UTF-8 byte order; the comparator is needed only otherwise. */
function sortedByUtf8Bytes(ids: readonly string[]): string[] {
  const copy = [...ids];
  return ids.some((id) => SURROGATE.test(id)) ? copy.sort(byUtf8Bytes) : copy.sort();
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** `hex(SHA-256(utf8(seed + ":" + entriesDigest + ":" + beacon)))`. */
export function drawKeyOf(seed: string, entriesDigest: string, beacon: string): string {
  return sha256(`${seed}:${entriesDigest}:${beacon}`);
}

/** `hex(HMAC-SHA256(key = utf8(drawKey), message = utf8(entryId)))`. */
export function scoreOf(drawKey: string, entryId: string): string {
  return createHmac('sha256', drawKey).update(entryId, 'utf8').digest('hex');
}

/**
 * The same HMAC, with the key's padded blocks hashed once: each entry then
 * costs two copies of a hash state instead of a key set-up (a million
 * entries is the target). HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)).
 */
export function scorerFor(drawKey: string): (entryId: string) => string {
  const key = Buffer.alloc(64);
  const raw = Buffer.from(drawKey, 'utf8');
  (raw.length > 64 ? createHash('sha256').update(raw).digest() : raw).copy(key);
  const inner = createHash('sha256').update(key.map((byte) => byte ^ 0x36));
  const outer = createHash('sha256').update(key.map((byte) => byte ^ 0x5c));
  return (entryId) => outer.copy().update(inner.copy().update(entryId, 'utf8').digest()).digest('hex');
}

/**
 * The draw, as the issue specifies it: entries ordered by score ascending,
 * winners taken in that order, a member's second win skipped; the first
 * prize's `count` winners come first, then the next prize's.
 */
export function drawWinners(
  seed: string,
  entries: readonly DrawEntryRef[],
  beacon: string,
  prizes: readonly Pick<Prize, 'count'>[],
): DrawOutcome {
  const entriesDigest = entriesDigestOf(entries.map((entry) => entry.id));
  const drawKey = drawKeyOf(seed, entriesDigest, beacon);
  const winners = pickWinners(scoreOrder(drawKey, entries), prizes);
  return { entriesDigest, drawKey, winners };
}

/** The entries by score ascending; scores are hex of equal length, so comparing the strings compares the bytes. */
export function scoreOrder(drawKey: string, entries: readonly DrawEntryRef[]): DrawEntryRef[] {
  const score = scorerFor(drawKey);
  const scored = entries.map((entry) => ({ entry, score: score(entry.id) }));
  scored.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : byUtf8Bytes(a.entry.id, b.entry.id)));
  return scored.map((one) => one.entry);
}

function pickWinners(ordered: readonly DrawEntryRef[], prizes: readonly Pick<Prize, 'count'>[]): DrawWinner[] {
  const slots = prizes.flatMap((prize, index) => Array.from({ length: prize.count }, () => index));
  const won = new Set<string>();
  const winners: DrawWinner[] = [];
  for (const entry of ordered) {
    if (winners.length === slots.length) break;
    if (won.has(entry.memberId)) continue;
    won.add(entry.memberId);
    winners.push({ entryId: entry.id, prize: slots[winners.length]! });
  }
  return winners;
}

/**
 * Who takes over a lapsed prize: the first entry in score order whose member
 * has not won in this draw (lapsed winners and earlier replacements count as
 * winners). Every entry before the last winner belongs to a winner, so this
 * is "the next entry in score order", and anyone can recompute it.
 */
export function nextEligible(ordered: readonly DrawEntryRef[], won: ReadonlySet<string>): DrawEntryRef | undefined {
  return ordered.find((entry) => !won.has(entry.memberId));
}

/**
 * UTF-8 byte order. It equals UTF-16 code unit order except where a
 * surrogate pair meets a character from U+E000 up, so only strings with a
 * surrogate are compared as bytes (entry ids are ASCII: the fast path).
 */
export function byUtf8Bytes(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
