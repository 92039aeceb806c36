// The draw's algorithm against an example computed by hand with sha256sum
// and `openssl dgst -sha256 -hmac` (see each value's comment), including a
// member's second winning entry, which is skipped.
import { describe, expect, it } from 'vitest';
import {
  byUtf8Bytes,
  commitmentOf,
  drawKeyOf,
  drawWinners,
  entriesDigestOf,
  scoreOf,
  scoreOrder,
  scorerFor,
} from '../../../core/contests/draws/drawWinners.ts';

const seed = 'a'.repeat(64);
// printf 'e1\ne2\ne3\ne4' | sha256sum
const digest = '4ff98044d03d9e6ce96227a0652104936c4465372bf8baeb092c5559a429b687';
// printf '%s' "<seed>:<digest>:beacon" | sha256sum
const drawKey = 'be67bb84c124f21a699153ef60b732852b56d8e62e4f3b190bcc7e845ee60e39';

describe('The draw', () => {
  it('commits to the seed with its SHA-256', () => {
    // printf '%s' aaaa…(64) | sha256sum
    expect(commitmentOf(seed)).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb');
  });

  it('digests the entry ids sorted by their bytes, whatever order they come in', () => {
    expect(entriesDigestOf(['e3', 'e1', 'e4', 'e2'])).toBe(digest);
  });

  it('keys the draw with the seed, the digest and the beacon, and scores each entry by HMAC', () => {
    expect(drawKeyOf(seed, digest, 'beacon')).toBe(drawKey);
    // printf e2 | openssl dgst -sha256 -hmac <drawKey>
    expect(scoreOf(drawKey, 'e2')).toBe('2f1b5d472316a993957be3baa3a1a7719c2e5d7080299db223647d8d9b9af85e');
  });

  it('takes winners by score ascending, prizes in order, and skips a member’s second win', () => {
    // Scores ascending: e2 (2f1b…, m1), e3 (b850…, m2), e1 (bf28…, m1 again: skipped), e4 (cf1a…, m3).
    const entries = [
      { id: 'e1', memberId: 'm1' },
      { id: 'e2', memberId: 'm1' },
      { id: 'e3', memberId: 'm2' },
      { id: 'e4', memberId: 'm3' },
    ];
    const outcome = drawWinners(seed, entries, 'beacon', [{ count: 1 }, { count: 2 }]);
    expect(outcome).toEqual({
      entriesDigest: digest,
      drawKey,
      winners: [
        { entryId: 'e2', prize: 0 },
        { entryId: 'e3', prize: 1 },
        { entryId: 'e4', prize: 1 },
      ],
    });
  });

  it('gives fewer prizes than there are when members run out', () => {
    const outcome = drawWinners(seed, [{ id: 'e1', memberId: 'm1' }], '', [{ count: 3 }]);
    expect(outcome.winners).toEqual([{ entryId: 'e1', prize: 0 }]);
  });

  it('orders by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF5E is EF BD 9E in UTF-8; U+1F600 is F0 9F 98 80: bytes put the emoji last, UTF-16 first.
    expect(['😀', '～'].sort(byUtf8Bytes)).toEqual(['～', '😀']);
  });
});

describe('The fast scorer', () => {
  it('gives the same HMAC as the library for short and long keys', () => {
    for (const key of [drawKey, 'k', 'x'.repeat(100)])
      for (const id of ['e1', 'ünïcode-😀', '']) expect(scorerFor(key)(id)).toBe(scoreOf(key, id));
  });
});

describe('The score order', () => {
  const entries = Array.from({ length: 5000 }, (_, n) => ({ id: `entry-${n * 7919}`, memberId: `m${n % 900}` }));
  const naive = entries
    .map((entry) => ({ entry, score: scoreOf(drawKey, entry.id) }))
    .sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : 0))
    .map((one) => one.entry.id);

  it('walks every entry by score ascending, as a full sort of the HMACs would', () => {
    expect([...scoreOrder(drawKey, entries)].map((entry) => entry.id)).toEqual(naive);
  });

  it('replays the same order when walked again, part way or whole', () => {
    const order = scoreOrder(drawKey, entries);
    const firstTen: string[] = [];
    for (const entry of order) if (firstTen.push(entry.id) === 10) break;
    expect(firstTen).toEqual(naive.slice(0, 10));
    expect([...order].map((entry) => entry.id)).toEqual(naive);
  });

  it('gives the same digest whether the ids come sorted or not', () => {
    const ids = entries.map((entry) => entry.id);
    expect(entriesDigestOf([...ids].sort())).toBe(entriesDigestOf(ids));
  });
});
