import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler, type Scheduler } from '../../../app/startScheduler.ts';
import { silentLogger } from '../../../core/logger.ts';
import { defaultProgramSettings } from '../../../core/settings/programSettings.ts';
import { createJobsWorld, translator, type JobsWorld } from './support/jobsWorld.ts';

const now = new Date('2026-11-23T10:00:00Z');

describe('the scheduler', () => {
  let world: JobsWorld;
  let scheduler: Scheduler | null = null;

  beforeEach(async () => {
    world = await createJobsWorld('sqlite');
  });

  afterEach(async () => {
    await scheduler?.stop();
    await world.dispose();
  });

  const start = (intervalMs: number, clock = () => now) =>
    startScheduler(
      world.db,
      {
        translator,
        settings: defaultProgramSettings,
        clock,
        log: silentLogger,
        loadRules: () => createPointsStore(world.db).loadRules(),
      },
      { intervalMs, firstRunAfterMs: 0 },
    );

  it("runs the jobs on its own, at the clock's time", async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    scheduler = start(50);
    await expect.poll(() => world.balanceOf(anna), { timeout: 5_000 }).toBe(200);
  });

  it('runs again after every interval', async () => {
    let ticks = 0;
    scheduler = start(20, () => {
      ticks += 1;
      // Each run sees a later minute, so each claims its jobs afresh.
      return new Date(now.getTime() + ticks * 60_000);
    });
    await expect.poll(() => ticks, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
  });

  it('runs no more once stopped', async () => {
    let ticks = 0;
    scheduler = start(10, () => {
      ticks += 1;
      return new Date(now.getTime() + ticks * 60_000);
    });
    await expect.poll(() => ticks, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await scheduler.stop();
    const stoppedAt = ticks;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks).toBe(stoppedAt);
  });

  it('is off when the interval is 0', async () => {
    let ticks = 0;
    scheduler = start(0, () => {
      ticks += 1;
      return now;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticks).toBe(0);
  });
});
