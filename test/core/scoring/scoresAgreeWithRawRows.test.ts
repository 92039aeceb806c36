// A property: on random members, purchases and answers, the stored scores
// equal a naive recomputation from the raw rows, written here without the
// scoring code's reads, windows or quintile shortcut.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rescore } from '../../../core/scoring/rescore.ts';
import { rfmSegment } from '../../../core/scoring/rfmSegments.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';
import { addAnswer, addMember, addPurchase, scoringDeps, TIMEZONE } from './support/scoringRows.ts';

const NOW = new Date('2026-06-15T09:00:00Z');
const DAY_MS = 86_400_000;

interface RawPurchase {
  daysAgo: number;
  amount: number;
  refunded: boolean;
}
interface RawAnswer {
  kind: 'nps' | 'csat';
  score: number;
  daysAgo: number;
}
interface RawMember {
  purchases: RawPurchase[];
  answers: RawAnswer[];
}

const purchase = fc.record({
  daysAgo: fc.integer({ min: 0, max: 500 }),
  amount: fc.integer({ min: 100, max: 50_000 }),
  refunded: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const answer = fc.oneof(
  fc.record({
    kind: fc.constant('nps' as const),
    score: fc.integer({ min: 0, max: 10 }),
    daysAgo: fc.integer({ min: 0, max: 500 }),
  }),
  fc.record({
    kind: fc.constant('csat' as const),
    score: fc.integer({ min: 1, max: 5 }),
    daysAgo: fc.integer({ min: 0, max: 500 }),
  }),
);
const member = fc.record({
  purchases: fc.array(purchase, { maxLength: 12 }),
  answers: fc.array(answer, { maxLength: 3 }),
});

describeEachProvider('scores against a naive recomputation', (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(() => db.dispose());

  it('agree on random data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 12 }), async (members) => {
        await db.prisma.member.deleteMany();
        const ids = await seed(db, members);
        await rescore(scoringDeps(db), NOW);
        const stored = await db.prisma.memberScore.findMany();
        const expected = naiveScores(members);
        for (const [i, id] of ids.entries()) {
          const row = stored.find((score) => score.memberId === id)!;
          expect({
            stage: row.stage,
            quadrant: row.quadrant,
            rfm: row.rfmSegment && [row.recency, row.frequency, row.monetary, row.rfmSegment],
          }).toEqual(expected[i]);
        }
      }),
      { numRuns: 15, seed: 1304 },
    );
  });
});

async function seed(db: TestDatabase, members: RawMember[]): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of members) {
    const id = await addMember(db, new Date('2024-01-01T00:00:00Z'));
    for (const p of raw.purchases) await addPurchase(db, id, ago(p.daysAgo), p.amount, { refunded: p.refunded });
    // Distinct times, so "the latest answer" is never a tie.
    for (const [k, a] of raw.answers.entries())
      await addAnswer(db, id, a.kind, a.score, new Date(ago(a.daysAgo).getTime() - k));
    ids.push(id);
  }
  return ids;
}

// A minute before the scoring moment at the latest: scoring counts what happened before it.
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS - 60_000);
const local = (at: Date) => DateTime.fromJSDate(at, { zone: TIMEZONE });

function naiveScores(members: RawMember[]) {
  const kept = members.map((raw) => raw.purchases.filter((p) => !p.refunded));
  const yearAgo = local(NOW).minus({ years: 1 }).toJSDate().getTime();
  const perMonth = kept.map((ps) => ps.filter((p) => ago(p.daysAgo).getTime() >= yearAgo).length / 12);
  const buyers = perMonth.filter((value) => value > 0).sort((a, b) => a - b);
  const middle =
    buyers.length === 0
      ? null
      : buyers.length % 2
        ? buyers[(buyers.length - 1) / 2]!
        : (buyers[buyers.length / 2 - 1]! + buyers[buyers.length / 2]!) / 2;
  const withPurchase = kept.map((ps, i) => ({ ps, i })).filter(({ ps }) => ps.length > 0);
  const days = withPurchase.map(({ ps }) => Math.min(...ps.map((p) => daysSince(ago(p.daysAgo)))));
  const counts = withPurchase.map(({ ps }) => ps.length);
  const spends = withPurchase.map(({ ps }) => ps.reduce((sum, p) => sum + p.amount, 0));
  const quintile = (values: number[], value: number) =>
    1 + Math.floor((5 * values.filter((v) => v < value).length) / values.length);
  return members.map((raw, i) => {
    const at = withPurchase.findIndex((b) => b.i === i);
    const rfm =
      at < 0
        ? null
        : [
            quintile(
              days.map((d) => -d),
              -days[at]!,
            ),
            quintile(counts, counts[at]!),
            quintile(spends, spends[at]!),
          ];
    return {
      stage: naiveStage(kept[i]!, raw.answers),
      quadrant: naiveQuadrant(raw.answers, perMonth[i]!, middle),
      rfm: rfm && [...rfm, rfmSegment(rfm[0]!, rfm[1]!, rfm[2]!)],
    };
  });
}

function daysSince(at: Date): number {
  return Math.round(local(NOW).startOf('day').diff(local(at).startOf('day'), 'days').days);
}

function naiveStage(purchases: RawPurchase[], answers: RawAnswer[]): number {
  if (purchases.length < 2) return purchases.length + 1;
  const thisMonth = local(NOW).startOf('month');
  const attached = [1, 2, 3].every((back) => {
    const month = thisMonth.minus({ months: back }).toFormat('yyyy-MM');
    return purchases.filter((p) => local(ago(p.daysAgo)).toFormat('yyyy-MM') === month).length >= 2;
  });
  if (!attached) return 3;
  const yearAgo = local(NOW).minus({ years: 1 }).toJSDate().getTime();
  const lastYear = answers.filter((a) => a.kind === 'nps' && ago(a.daysAgo).getTime() >= yearAgo);
  return lastYear.some((a) => a.score >= 7) && !lastYear.some((a) => a.score <= 6) ? 5 : 4;
}

function naiveQuadrant(answers: RawAnswer[], perMonth: number, middle: number | null): string | null {
  // The latest answer: the fewest days ago, the earlier-listed one on a tie (it was stored a millisecond later).
  const latest = answers.map((a, k) => ({ ...a, k })).sort((x, y) => x.daysAgo - y.daysAgo || x.k - y.k)[0];
  if (!latest) return null;
  const attached = latest.score >= (latest.kind === 'nps' ? 7 : 4);
  const high = middle !== null && perMonth > 0 && perMonth >= middle;
  return attached ? (high ? 'true' : 'latent') : high ? 'false' : 'none';
}
