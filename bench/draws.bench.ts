// A prize draw over 1,000,000 entries (issue 17's target: under 10 s): the
// digest of the sorted ids, the draw key, an HMAC score per entry, the order
// and the winners, exactly as a run computes them once it has read the
// entries. The baseline, in the same run, hashes the same ids once each.
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { drawWinners, type DrawEntryRef } from '../core/contests/draws/drawWinners.ts';

export interface DrawBench {
  entries: number;
  members: number;
  baselineSeconds: number;
  drawSeconds: number;
  winners: number;
}

export function benchDraws(entries = 1_000_000, members = 200_000): DrawBench {
  const memberIds = Array.from({ length: members }, () => randomUUID());
  const refs: DrawEntryRef[] = Array.from({ length: entries }, (_, n) => ({
    id: randomUUID(),
    memberId: memberIds[n % members]!,
  }));
  let started = performance.now();
  for (const ref of refs) createHash('sha256').update(ref.id, 'utf8').digest('hex');
  const baselineSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const outcome = drawWinners('f'.repeat(64), refs, 'beacon', [{ count: 1 }, { count: 10 }, { count: 100 }]);
  const drawSeconds = (performance.now() - started) / 1000;
  return { entries, members, baselineSeconds, drawSeconds, winners: outcome.winners.length };
}
