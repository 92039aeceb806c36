// The scores of six members whose stages, quadrants and RFM segments are
// worked out by hand below, on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rescore } from '../../../core/scoring/rescore.ts';
import { createScoreReads } from '../../../core/storage/scoring/createScoreReads.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';
import { addAnswer, addMember, addPurchase, scoringDeps } from './support/scoringRows.ts';

/** Noon in Chisinau on 15 June 2026; the attachment rule (2 a month for 3 months) looks at March, April and May. */
const NOW = new Date('2026-06-15T09:00:00Z');
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

describeEachProvider('scores on a hand-computed data set', (provider) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const joined = day('2025-01-01');
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G'])
      ids[name] = await addMember(db, joined, { erased: name === 'G' });
    // B: one purchase; an NPS 8, then a newer desk CSAT of 2.
    await addPurchase(db, ids.B!, day('2026-06-01'), 10_000);
    await addAnswer(db, ids.B!, 'nps', 8, day('2026-06-02'));
    await addAnswer(db, ids.B!, 'csat', 2, day('2026-06-05'));
    // C: two purchases in January; a desk CSAT of 5.
    for (const at of ['2026-01-10', '2026-01-20']) await addPurchase(db, ids.C!, day(at), 5_000);
    await addAnswer(db, ids.C!, 'csat', 5, day('2026-02-01'));
    // D and E: two purchases in each of March, April and May; D said 3, E said 9 (and 2 over a year ago).
    for (const at of ['03-05', '03-06', '04-05', '04-06', '05-09', '05-10']) {
      await addPurchase(db, ids.D!, day(`2026-${at}`), 3_000);
      await addPurchase(db, ids.E!, day(`2026-${at.replace('05-10', '05-25')}`), 10_000);
    }
    await addAnswer(db, ids.D!, 'nps', 3, day('2026-04-01'));
    await addAnswer(db, ids.E!, 'nps', 2, day('2025-03-01'));
    await addAnswer(db, ids.E!, 'nps', 9, day('2026-05-20'));
    // F: three purchases, none in March or May, one refunded that counts nowhere.
    for (const at of ['2026-02-10', '2026-04-10', '2026-06-14']) await addPurchase(db, ids.F!, day(at), 15_000);
    await addPurchase(db, ids.F!, day('2026-06-10'), 99_000, { refunded: true });
    // G: erased, not scored.
    await addPurchase(db, ids.G!, day('2026-06-01'), 10_000);
    await rescore(scoringDeps(db), NOW);
  });
  afterAll(() => db.dispose());

  const scoreOf = (name: string) => db.prisma.memberScore.findUnique({ where: { memberId: ids[name]! } });

  it('puts each member in the stage the rules give', async () => {
    const stages = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map(async (name) => (await scoreOf(name))?.stage));
    expect(stages).toEqual([1, 2, 3, 4, 5, 3]);
  });

  it('leaves erased members out', async () => {
    expect(await scoreOf('G')).toBeNull();
  });

  it('places members in the loyalty square by their newer answer and the median frequency', async () => {
    // Purchases per month over the year: B 1/12, C 2/12, F 3/12, D and E 6/12; the median is 3/12.
    const quadrants = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map(async (name) => (await scoreOf(name))?.quadrant),
    );
    expect(quadrants).toEqual([null, 'none', 'latent', 'false', 'true', null]);
    expect(await scoreOf('B')).toMatchObject({ emotionalScore: 2, emotionalSource: 'csat' });
  });

  it('scores recency, frequency and monetary by quintile and names the segment', async () => {
    // Days since: F 1, B 14, E 21, D 36, C 146; purchases B 1, C 2, F 3, D 6, E 6; spend B = C 10,000 < D < F < E.
    const rfm = async (name: string) => {
      const score = await scoreOf(name);
      return [score?.recency, score?.frequency, score?.monetary, score?.rfmSegment];
    };
    expect(await rfm('A')).toEqual([null, null, null, null]);
    expect(await rfm('B')).toEqual([4, 1, 1, 'promising']);
    expect(await rfm('C')).toEqual([1, 2, 1, 'lost']);
    expect(await rfm('D')).toEqual([2, 4, 3, 'at-risk']);
    expect(await rfm('E')).toEqual([3, 4, 5, 'loyal']);
    expect(await rfm('F')).toEqual([5, 3, 4, 'champions']);
  });

  it('counts this month’s stages for the trend, the eleven months before from the rows at each month’s end, and keeps the day it scored', async () => {
    const reads = createScoreReads(db);
    const rows = await reads.stageMonths('2025-01', '2026-12');
    const month = (name: string) =>
      Object.fromEntries(rows.filter((row) => row.month === name).map((row) => [row.stage, row.members]));
    expect([...new Set(rows.map((row) => row.month))]).toHaveLength(12);
    expect(rows[0]!.month).toBe('2025-07');
    expect(month('2026-06')).toEqual({ 1: 1, 2: 1, 3: 2, 4: 1, 5: 1 });
    // At the end of May, B had not bought yet and F had bought twice.
    expect(month('2026-05')).toEqual({ 1: 2, 2: 0, 3: 2, 4: 1, 5: 1 });
    // At the end of January, only C had bought (twice).
    expect(month('2026-01')).toEqual({ 1: 5, 2: 0, 3: 1, 4: 0, 5: 0 });
    expect(await reads.scoredOn()).toBe('2026-06-15');
  });

  it('reads spend per RFM segment from the scores alone', async () => {
    const counts = await createScoreReads(db).rfmCounts();
    expect(counts.find((row) => row.segment === 'champions')).toEqual({
      segment: 'champions',
      members: 1,
      spend: 45_000,
    });
    expect(counts.find((row) => row.segment === null)).toEqual({ segment: null, members: 1, spend: 0 });
  });
});
