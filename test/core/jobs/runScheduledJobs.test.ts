import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ScheduledJob } from '../../../core/jobs/jobsPorts.ts';
import { runScheduledJobs } from '../../../core/jobs/runScheduledJobs.ts';
import { membersJobs } from '../../../core/members/membersJobs.ts';
import type { ExpiryStore } from '../../../core/points/pointsPorts.ts';
import { pointsJobs } from '../../../core/points/pointsJobs.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createJobsWorld, DAY_MS, type JobsWorld, type WorldJobDeps } from './support/jobsWorld.ts';

/** The registry as the composition root builds it (app/startScheduler.ts), less the desk's job, plus any extra job. */
const run = (deps: WorldJobDeps, at: Date, leaseMs: number, extra: ScheduledJob[] = []) =>
  runScheduledJobs([...pointsJobs(deps), ...membersJobs(deps), ...extra], deps.runs, deps.log, at, leaseMs);

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

  const kinds = (outcomes: { job: string; kind: string }[]) =>
    Object.fromEntries(outcomes.map((outcome) => [outcome.job, outcome.kind]));

  it('runs the expiry sweep, the expiry reminders and the birthday greetings', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await world.aLot(anna, 30, new Date(now.getTime() - DAY_MS), longAgo);
    await world.aLot(anna, 40, new Date(now.getTime() + 3 * DAY_MS), longAgo);
    const outcomes = await run(world.deps(), now, LEASE_MS);
    expect(kinds(outcomes)).toEqual({ 'expiry-sweep': 'done', 'expiry-reminders': 'done', birthdays: 'done' });
    expect(outcomes.map((outcome) => (outcome.kind === 'done' ? outcome.result : null))).toEqual([
      { members: 1, points: 30 },
      1,
      { celebrated: 1, gifted: 1 },
    ]);
  });

  it('lets one of two instances do each job when both run at the same moment', async () => {
    const [first, second] = await Promise.all([
      run(world.deps(), now, LEASE_MS),
      run(world.secondInstance(), now, LEASE_MS),
    ]);
    for (const job of ['expiry-sweep', 'expiry-reminders', 'birthdays']) {
      expect([kinds(first)[job], kinds(second)[job]].sort()).toEqual(['done', 'skipped']);
    }
  });

  it('skips a job whose run another instance holds, and runs it once the lease is over', async () => {
    await run(world.deps(), now, LEASE_MS);
    expect(Object.values(kinds(await run(world.secondInstance(), new Date(now.getTime() + 30_000), LEASE_MS)))).toEqual(
      ['skipped', 'skipped', 'skipped'],
    );
    expect(
      Object.values(kinds(await run(world.secondInstance(), new Date(now.getTime() + LEASE_MS), LEASE_MS))),
    ).toEqual(['done', 'done', 'done']);
  });

  it('goes on with the other jobs when one fails', async () => {
    const deps = world.deps();
    const failing: ExpiryStore = {
      ...deps.expiry,
      membersWithExpiredLots: async () => {
        throw new Error('the database went away');
      },
    };
    expect(kinds(await run({ ...deps, expiry: failing }, now, LEASE_MS))).toEqual({
      'expiry-sweep': 'failed',
      'expiry-reminders': 'done',
      birthdays: 'done',
    });
  });

  it('runs a job a new capability registers, once per lease across instances, after the ones before it', async () => {
    const ran: string[] = [];
    const lottery: ScheduledJob = { name: 'test-lottery', run: async (at) => ran.push(at.toISOString()) };
    const [first, second] = await Promise.all([
      run(world.deps(), now, LEASE_MS, [lottery]),
      run(world.secondInstance(), now, LEASE_MS, [lottery]),
    ]);
    expect(first.map((outcome) => outcome.job)).toEqual([
      'expiry-sweep',
      'expiry-reminders',
      'birthdays',
      'test-lottery',
    ]);
    expect([kinds(first)['test-lottery'], kinds(second)['test-lottery']].sort()).toEqual(['done', 'skipped']);
    expect(ran).toEqual([now.toISOString()]);
    await run(world.deps(), new Date(now.getTime() + LEASE_MS), LEASE_MS, [lottery]);
    expect(ran).toHaveLength(2);
  });
});
