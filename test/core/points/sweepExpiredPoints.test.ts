import { afterEach, beforeEach, expect, it } from 'vitest';
import { sweepExpiredPoints } from '../../../core/points/sweepExpiredPoints.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createJobsWorld, DAY_MS, type JobsWorld } from '../jobs/support/jobsWorld.ts';

const now = new Date('2026-11-23T08:00:00Z');
const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY_MS);
const longAgo = new Date('2026-01-01T00:00:00Z');

describeEachProvider('the expiry sweep', (provider) => {
  let world: JobsWorld;

  beforeEach(async () => {
    world = await createJobsWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  /** Anna: one lot due, one not yet; Boris: a partly spent lot due; Clara: points that never expire. */
  async function threeMembers() {
    const anna = await world.aMember();
    const annaDue = await world.aLot(anna, 100, daysFromNow(-1), longAgo);
    const annaLater = await world.aLot(anna, 50, daysFromNow(1), longAgo);
    const boris = await world.aMember();
    const borisDue = await world.aLot(boris, 20, now, longAgo);
    await world.spend(boris, 5, longAgo);
    const clara = await world.aMember();
    const claraForever = await world.aLot(clara, 30, null, longAgo);
    return { anna, annaDue, annaLater, boris, borisDue, clara, claraForever };
  }

  it('retires only the lots that are due, with what is left of them', async () => {
    const m = await threeMembers();
    expect(await sweepExpiredPoints(world.deps(), now)).toEqual({ members: 2, points: 115 });
    expect([
      await world.remainingOf(m.annaDue),
      await world.remainingOf(m.annaLater),
      await world.remainingOf(m.borisDue),
      await world.remainingOf(m.claraForever),
    ]).toEqual([0, 50, 0, 30]);
    expect([await world.balanceOf(m.anna), await world.balanceOf(m.boris), await world.balanceOf(m.clara)]).toEqual([
      50, 0, 30,
    ]);
  });

  it('records each retired lot as an expire entry, so the ledger sums to the balance', async () => {
    const m = await threeMembers();
    await sweepExpiredPoints(world.deps(), now);
    expect((await world.entriesOf(m.anna, 'expire')).map((entry) => entry.delta)).toEqual([-100]);
    for (const member of [m.anna, m.boris, m.clara])
      expect(await world.ledgerSum(member)).toBe(await world.balanceOf(member));
  });

  it('changes nothing when it runs a second time', async () => {
    const m = await threeMembers();
    await sweepExpiredPoints(world.deps(), now);
    expect(await sweepExpiredPoints(world.deps(), now)).toEqual({ members: 0, points: 0 });
    expect((await world.entriesOf(m.anna, 'expire')).length + (await world.entriesOf(m.boris, 'expire')).length).toBe(
      2,
    );
  });

  it('takes expired points once when two instances sweep at the same moment', async () => {
    const m = await threeMembers();
    const reports = await Promise.all([
      sweepExpiredPoints(world.deps(), now),
      sweepExpiredPoints(world.secondInstance(), now),
    ]);
    expect(reports.reduce((sum, report) => sum + report.points, 0)).toBe(115);
    expect([await world.balanceOf(m.anna), await world.balanceOf(m.boris)]).toEqual([50, 0]);
    for (const member of [m.anna, m.boris]) expect(await world.ledgerSum(member)).toBe(await world.balanceOf(member));
  });

  it('walks every member in pages', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const member = await world.aMember();
      await world.aLot(member, 10, daysFromNow(-2), longAgo);
      ids.push(member);
    }
    expect(await sweepExpiredPoints(world.deps({ batchSize: 2 }), now)).toEqual({ members: 5, points: 50 });
    for (const member of ids) expect(await world.balanceOf(member)).toBe(0);
  });
});
