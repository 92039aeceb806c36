// The roll-ups kept in each purchase's, refund's, ledger entry's and
// enrolment's own transaction are exactly what a rebuild from raw rows
// writes, on the programme's days (Europe/Chisinau, UTC+2 in March).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { rebuildFigures } from '../../../core/storage/analytics/rebuildFigures.ts';
import { rebuildFiguresIfMissing } from '../../../core/storage/analytics/rebuildFiguresIfMissing.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createAnalyticsWorld, type AnalyticsWorld } from './support/analyticsWorld.ts';

describeEachProvider('analytics roll-ups', (provider) => {
  let world: AnalyticsWorld;
  beforeEach(async () => {
    world = await createAnalyticsWorld(provider);
  });
  afterEach(async () => {
    await world.dispose();
  });

  /** Purchases, a redemption, a refund, an expiry and new members across days, months and a local midnight. */
  async function mixedHistory(): Promise<void> {
    const anna = await world.join('2026-02-27T10:00:00Z', { welcome: 50 });
    const ion = await world.join('2026-03-09T21:30:00Z'); // 23:30 local: still 9 March
    await world.buy(anna, '2026-02-28T12:00:00Z', 10_000);
    await world.buy(anna, '2026-03-09T22:30:00Z', 20_000); // 00:30 local: 10 March
    const refunded = await world.buy(ion, '2026-03-10T09:00:00Z', 5_000);
    await world.buy(ion, '2026-03-11T09:00:00Z', 8_000);
    await world.refund(refunded, '2026-03-12T09:00:00Z');
    await world.buy(anna, '2026-03-12T10:00:00Z', 30_000, 40);
    await world.expire(anna, '2026-04-15T08:00:00Z');
  }

  it('counts each purchase on its programme-local day, and a refund takes it back from that day', async () => {
    await mixedHistory();
    const { days } = await world.rollUps();
    const day = (name: string) => days.find((row) => (row as { day: string }).day === name);
    expect(day('2026-03-09')).toMatchObject({ purchases: 0, newMembers: 1 });
    expect(day('2026-03-10')).toMatchObject({ purchases: 1, revenue: 20_000 });
    expect(day('2026-03-11')).toMatchObject({ purchases: 1, revenue: 8_000 });
    expect(day('2026-03-12')).toMatchObject({ purchases: 1, pointsRedeemed: 40 });
    expect((day('2026-04-15') as { pointsExpired: number }).pointsExpired).toBeGreaterThan(0);
  });

  it('rebuilds from raw rows exactly what was kept incrementally', async () => {
    await mixedHistory();
    const kept = await world.rollUps();
    expect(kept.days.length).toBeGreaterThan(4);

    await rebuildFigures(world.db);

    expect(await world.rollUps()).toEqual(kept);
  });

  it('builds the figures once for a database that has purchases but no figures yet (an upgrade)', async () => {
    await mixedHistory();
    const kept = await world.rollUps();
    await world.db.prisma.dailyFigures.deleteMany();
    await world.db.prisma.memberMonth.deleteMany();

    expect(await rebuildFiguresIfMissing(world.db)).toBe(true);
    expect(await world.rollUps()).toEqual(kept);
    expect(await rebuildFiguresIfMissing(world.db)).toBe(false);
  });

  it('keeps no row for a month whose every purchase was refunded', async () => {
    const ion = await world.join('2026-03-01T10:00:00Z');
    const only = await world.buy(ion, '2026-03-10T09:00:00Z', 5_000);
    await world.refund(only, '2026-04-02T09:00:00Z');
    expect((await world.rollUps()).months).toEqual([]);
  });
});
