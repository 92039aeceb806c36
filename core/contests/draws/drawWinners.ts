import { createHash, createHmac, hash } from 'node:crypto';
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

/**
 * Storage hands the ids over sorted already (a byte-ordered index), so one
 * look along them usually spares the sort, the costliest step of a million.
 * Without surrogates, UTF-16 order (the default sort's) is UTF-8 byte order;
 * the comparator is needed only otherwise.
 */
function sortedByUtf8Bytes(ids: readonly string[]): readonly string[] {
  const surrogates = ids.some((id) => SURROGATE.test(id));
  const before = surrogates ? (a: string, b: string) => byUtf8Bytes(a, b) <= 0 : (a: string, b: string) => a <= b;
  if (ids.every((id, n) => n === 0 || before(ids[n - 1]!, id))) return ids;
  const copy = [...ids];
  return surrogates ? copy.sort(byUtf8Bytes) : copy.sort();
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

/** The same HMAC as hex, by the fast path below. */
export function scorerFor(drawKey: string): (entryId: string) => string {
  const score = rawScorerFor(drawKey);
  return (entryId) => score(entryId).toString('hex');
}

/**
 * HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), written out with one-shot
 * hashes into two reused buffers: a million entries is the target, and a
 * hash object per call costs more than the hashing.
 */
function rawScorerFor(drawKey: string): (entryId: string) => Buffer {
  const key = Buffer.alloc(64);
  const raw = Buffer.from(drawKey, 'utf8');
  (raw.length > 64 ? createHash('sha256').update(raw).digest() : raw).copy(key);
  const inner = Buffer.from(key.map((byte) => byte ^ 0x36));
  const outer = Buffer.alloc(64 + 32);
  Buffer.from(key.map((byte) => byte ^ 0x5c)).copy(outer);
  let message = Buffer.alloc(64 + 64);
  inner.copy(message);
  return (entryId) => {
    const length = Buffer.byteLength(entryId, 'utf8');
    if (64 + length > message.length) {
      message = Buffer.alloc(64 + length);
      inner.copy(message);
    }
    message.write(entryId, 64, 'utf8');
    hash('sha256', message.subarray(0, 64 + length), 'buffer').copy(outer, 64);
    return hash('sha256', outer, 'buffer');
  };
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

/**
 * The entries by score ascending, walked lazily: winners come from the front,
 * so only the front is ever put in full order. Each entry's score is reduced
 * to its first 48 bits (exact in a double) and those are sorted natively;
 * each step then takes the entries up to the next key threshold, four times
 * more each time, and orders them by their whole score (equal prefixes
 * included), then by id. Walking it again replays what was already ordered.
 */
export function scoreOrder(drawKey: string, entries: readonly DrawEntryRef[]): Iterable<DrawEntryRef> {
  const score = rawScorerFor(drawKey);
  const keys = new Float64Array(entries.length);
  entries.forEach((entry, n) => (keys[n] = score(entry.id).readUIntBE(0, 6)));
  const sortedKeys = Float64Array.from(keys).sort();
  const ordered: DrawEntryRef[] = [];
  let below = -1;
  let step = 256;
  const orderMore = () => {
    const threshold = sortedKeys[Math.min(sortedKeys.length, ordered.length + step) - 1]!;
    const chunk: { entry: DrawEntryRef; score: string }[] = [];
    keys.forEach((key, n) => {
      if (key > below && key <= threshold)
        chunk.push({ entry: entries[n]!, score: score(entries[n]!.id).toString('hex') });
    });
    chunk.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : byUtf8Bytes(a.entry.id, b.entry.id)));
    for (const one of chunk) ordered.push(one.entry);
    below = threshold;
    step *= 4;
  };
  return {
    *[Symbol.iterator]() {
      for (let n = 0; n < entries.length; n += 1) {
        if (n === ordered.length) orderMore();
        yield ordered[n]!;
      }
    },
  };
}

function pickWinners(ordered: Iterable<DrawEntryRef>, prizes: readonly Pick<Prize, 'count'>[]): DrawWinner[] {
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
export function nextEligible(ordered: Iterable<DrawEntryRef>, won: ReadonlySet<string>): DrawEntryRef | undefined {
  for (const entry of ordered) if (!won.has(entry.memberId)) return entry;
  return undefined;
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
