import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JobsStore } from '../../../core/jobs/jobsPorts.ts';
import { runScheduledJobs } from '../../../core/jobs/runScheduledJobs.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createJobsWorld, DAY_MS, type JobsWorld } from './support/jobsWorld.ts';

const now = new Date('2026-11-23T10:00:00Z');
const LEASE_MS = 54_000;
const longAgo = new Date('2026-01-01T00:00:00Z');

describeEachProvider('a run of the scheduled jobs', (provider) => {
  let world: JobsWorld;

  beforeEach(async () => {
    world = await createJobsWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  const kinds = (outcomes: { job: string; kind: string }[]) => Object.fromEntries(outcomes.map((outcome) => [outcome.job, outcome.kind]));

  it('runs the expiry sweep, the expiry reminders and the birthday greetings', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await world.aLot(anna, 30, new Date(now.getTime() - DAY_MS), longAgo);
    await world.aLot(anna, 40, new Date(now.getTime() + 3 * DAY_MS), longAgo);
    const outcomes = await runScheduledJobs(world.deps(), now, LEASE_MS);
    expect(kinds(outcomes)).toEqual({ 'expiry-sweep': 'done', 'expiry-reminders': 'done', birthdays: 'done', 'desk-reannounce': 'done' });
    expect(outcomes.map((outcome) => (outcome.kind === 'done' ? outcome.result : null))).toEqual([{ members: 1, points: 30 }, 1, { celebrated: 1, gifted: 1 }, 0]);
  });

  it('lets one of two instances do each job when both run at the same moment', async () => {
    const [first, second] = await Promise.all([runScheduledJobs(world.deps(), now, LEASE_MS), runScheduledJobs(world.secondInstance(), now, LEASE_MS)]);
    for (const job of ['expiry-sweep', 'expiry-reminders', 'birthdays']) {
      expect([kinds(first)[job], kinds(second)[job]].sort()).toEqual(['done', 'skipped']);
    }
  });

  it('skips a job whose run another instance holds, and runs it once the lease is over', async () => {
    await runScheduledJobs(world.deps(), now, LEASE_MS);
    expect(Object.values(kinds(await runScheduledJobs(world.secondInstance(), new Date(now.getTime() + 30_000), LEASE_MS)))).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(Object.values(kinds(await runScheduledJobs(world.secondInstance(), new Date(now.getTime() + LEASE_MS), LEASE_MS)))).toEqual(['done', 'done', 'done', 'done']);
  });

  it('goes on with the other jobs when one fails', async () => {
    const deps = world.deps();
    const failing: JobsStore = {
      ...deps.store,
      membersWithExpiredLots: async () => {
        throw new Error('the database went away');
      },
    };
    expect(kinds(await runScheduledJobs({ ...deps, store: failing }, now, LEASE_MS))).toEqual({ 'expiry-sweep': 'failed', 'expiry-reminders': 'done', birthdays: 'done', 'desk-reannounce': 'done' });
  });
});
