// A campaign's fan-out on a real database: consent, categories, the holdout
// draw, the frequency cap, quiet hours, pause and cancel, and exactly one
// message per member through a crash and through two instances at once.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { controlCampaign } from '../../../core/campaigns/campaignControl.ts';
import { campaignStats } from '../../../core/campaigns/campaignStats.ts';
import { fanOutCampaign } from '../../../core/campaigns/fanOutCampaign.ts';
import { isHeldOut } from '../../../core/campaigns/holdout.ts';
import { runCampaigns } from '../../../core/campaigns/campaignsJobs.ts';
import { openDatabase } from '../../../core/storage/db/openDatabase.ts';
import { markChatUnreachable } from '../../../core/storage/outbox/reachability.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { testClock } from '../quizzes/support/quizApp.ts';
import { campaignWorld, type CampaignWorld } from './support/campaignWorld.ts';

// 12:00 in Chisinau (UTC+2 in December).
const NOON = new Date('2026-12-02T10:00:00Z');
const HOUR = 3_600_000;

describeEachProvider('a campaign’s fan-out', (provider) => {
  let clock = testClock(NOON);
  let world: CampaignWorld;

  beforeAll(async () => {
    world = await campaignWorld(provider, () => clock.now());
  });
  afterAll(async () => {
    await world.db.dispose();
  });
  beforeEach(async () => {
    clock = testClock(NOON);
    // Each test its own audience: earlier campaigns' messages would count towards the cap.
    await world.db.prisma.campaign.deleteMany({});
    await world.db.prisma.outboxMessage.deleteMany({});
    await world.db.prisma.member.deleteMany({});
    await world.db.prisma.segment.deleteMany({});
  });

  const start = async (id: string) => {
    const started = await controlCampaign(world.deps(), id, 'start', clock.now());
    expect(typeof started === 'object' && started.status).toBe('sending');
  };
  const stats = async (id: string) => (await campaignStats(world.deps(), id))!;
  const sumOf = (s: Awaited<ReturnType<typeof stats>>) =>
    s.notOptedIn + s.heldOut + s.capped + s.muted + s.queued + s.sent + s.failed + s.unreachable + s.cancelled;

  it('writes to members who opted in and did not mute the category, and records why not for everyone else', async () => {
    const optedIn = await world.seed(Array.from({ length: 20 }, (_, i) => ({ name: `Member ${i}`, balance: 100 + i })));
    const [refused] = await world.seed([{ name: 'Said no', optedIn: false }]);
    const [muted] = await world.seed([{ name: 'Muted offers', mutedCategories: ['offers'] }]);
    const [otherMute] = await world.seed([{ name: 'Muted holidays only', mutedCategories: ['holidays'] }]);
    const [tillOnly] = await world.seed([{ name: 'No chat', noChat: true }]);
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    expect(await fanOutCampaign(world.deps(), id, clock.now())).toBe('fanned-out');

    const rows = await world.messagesOf(id);
    const reached = rows.map((row) => row.memberId).sort();
    expect(reached).toEqual([...optedIn, otherMute].sort());
    expect(reached).not.toContain(refused);
    expect(reached).not.toContain(muted);
    expect(reached).not.toContain(tillOnly);
    const first = rows.find((row) => row.memberId === optedIn[3])!;
    expect(JSON.parse(first.payload)[0].text).toBe('Hello Member 3, you have 103 points.');
    expect(JSON.parse(first.payload)[0].buttons.at(-1)[0]).toEqual({
      label: '🔕 Stop these messages',
      payload: 'offers:stop:offers',
    });
    const figures = await stats(id);
    expect(figures).toMatchObject({ segment: 24, notOptedIn: 1, muted: 1, unreachable: 1, queued: 21, heldOut: 0 });
    expect(sumOf(figures)).toBe(figures.segment);
  });

  it('takes smaller batches while people are being answered, and still writes to every member once', async () => {
    await world.seed(Array.from({ length: 30 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    const limits: number[] = [];
    // People start being answered once the first batch is being read.
    const deps = world.deps({ batchSize: 10, serving: () => limits.length > 0 });
    const busy = {
      ...deps.fanOut,
      segmentAudience: async (...args: Parameters<typeof deps.fanOut.segmentAudience>) => {
        limits.push(args[5]);
        return deps.fanOut.segmentAudience(...args);
      },
    };
    expect(await fanOutCampaign({ ...deps, fanOut: busy }, id, clock.now())).toBe('fanned-out');
    expect(limits[0]).toBe(10);
    // The other 20 members in batches of 2, then the read that finds no one left.
    expect(limits).toHaveLength(12);
    expect(new Set(limits.slice(1))).toEqual(new Set([2]));
    const members = (await world.messagesOf(id)).map((row) => row.memberId);
    expect(members).toHaveLength(30);
    expect(new Set(members).size).toBe(30);
  });

  it('counts a member who blocked the bot as opted out, with the answer recorded', async () => {
    const [blocker] = await world.seed([{ name: 'Blocked us' }]);
    const chat = await world.db.prisma.chat.findFirstOrThrow({ where: { memberId: blocker } });
    await world.db.prisma.$transaction((tx) => markChatUnreachable(tx, 'web', chat.address, clock.now()));
    const member = await world.db.prisma.member.findUniqueOrThrow({ where: { id: blocker } });
    expect(member.marketingOptIn).toBe(false);
    const answers = await world.db.prisma.marketingConsentChange.findMany({ where: { memberId: blocker } });
    expect(answers.map((answer) => [answer.optedIn, answer.source])).toEqual([[false, 'blocked']]);
  });

  it('holds out the members the seed draws, sends them nothing, and the draw can be recomputed', async () => {
    const ids = await world.seed(Array.from({ length: 60 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 30 });
    await start(id);
    await fanOutCampaign(world.deps(), id, clock.now());
    const { holdoutSeed } = await world.db.prisma.campaign.findUniqueOrThrow({ where: { id } });
    const recorded = await world.db.prisma.campaignRecipient.findMany({
      where: { campaignId: id, outcome: 'held-out' },
    });
    const drawn = ids.filter((member) => isHeldOut(holdoutSeed, member, 30));
    expect(recorded.map((row) => row.memberId).sort()).toEqual(drawn.sort());
    expect(drawn.length).toBeGreaterThan(0);
    const sentTo = new Set((await world.messagesOf(id)).map((row) => row.memberId));
    expect(drawn.filter((member) => sentTo.has(member))).toEqual([]);
    expect(sentTo.size).toBe(60 - drawn.length);
  });

  it('caps a member at 2 campaign messages in 7 days, recording the third as capped and never sending it later', async () => {
    const [member] = await world.seed([{ name: 'Often written to' }]);
    const segmentId = await world.segment('Everyone');
    for (const day of [0, 1, 2]) {
      const id = await world.campaign(segmentId, { holdoutPercent: 0, name: `Day ${day}` });
      await start(id);
      await fanOutCampaign(world.deps(), id, clock.now());
      clock.advance(24 * HOUR);
    }
    const outcomes = await world.db.prisma.campaignRecipient.findMany({
      where: { memberId: member },
      include: { campaign: { select: { name: true } } },
      orderBy: { decidedAt: 'asc' },
    });
    expect(outcomes.map((row) => [row.campaign.name, row.outcome])).toEqual([
      ['Day 0', 'queued'],
      ['Day 1', 'queued'],
      ['Day 2', 'capped'],
    ]);
    // A week after the first, the member may be written to again.
    clock.advance(5 * 24 * HOUR);
    const later = await world.campaign(segmentId, { holdoutPercent: 0, name: 'A week later' });
    await start(later);
    await fanOutCampaign(world.deps(), later, clock.now());
    expect((await world.messagesOf(later)).map((row) => row.memberId)).toEqual([member]);
  });

  it('holds a message started in the quiet hours until 09:00, programme time', async () => {
    await world.seed([{ name: 'Night owl' }]);
    clock.advance(11 * HOUR); // 23:00 in Chisinau.
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    await fanOutCampaign(world.deps(), id, clock.now());
    const [row] = await world.messagesOf(id);
    expect(row!.nextAttemptAt.toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  it('stops at the next batch when paused, holds what was queued, and sends it on resume', async () => {
    await world.seed(Array.from({ length: 30 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    const deps = world.deps();
    let batches = 0;
    // The marketer presses Pause while the second batch is being decided.
    const pausing = {
      ...deps.fanOut,
      enrolDecided: async (...args: Parameters<typeof deps.fanOut.enrolDecided>) => {
        if (++batches === 2) await controlCampaign(deps, id, 'pause', clock.now());
        return deps.fanOut.enrolDecided(...args);
      },
    };
    expect(await fanOutCampaign({ ...deps, fanOut: pausing }, id, clock.now())).toBe('stopped');
    // What was queued before the pause (at most the first batch: the second is written beside it) is held.
    const held = await world.messagesOf(id);
    expect(held.length).toBeLessThanOrEqual(7);
    expect(held.filter((row) => row.status !== 'paused')).toEqual([]);
    const paused = await stats(id);
    expect(paused.status).toBe('paused');
    expect(paused.queued).toBe(30);
    // Running the job while paused changes nothing.
    await runCampaigns(deps, clock.now());
    expect(await world.messagesOf(id)).toHaveLength(held.length);

    await controlCampaign(deps, id, 'resume', clock.now());
    await runCampaigns(deps, clock.now());
    const after = await world.messagesOf(id);
    expect(after).toHaveLength(30);
    expect(new Set(after.map((row) => row.status))).toEqual(new Set(['pending']));
  });

  it('cancels: nothing waiting goes out, undecided members are recorded as cancelled, and the counts still add up', async () => {
    await world.seed(Array.from({ length: 20 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    const deps = world.deps();
    let batches = 0;
    const cancelling = {
      ...deps.fanOut,
      enrolDecided: async (...args: Parameters<typeof deps.fanOut.enrolDecided>) => {
        if (++batches === 2) await controlCampaign(deps, id, 'cancel', clock.now());
        return deps.fanOut.enrolDecided(...args);
      },
    };
    expect(await fanOutCampaign({ ...deps, fanOut: cancelling }, id, clock.now())).toBe('stopped');
    // What was queued before the cancel (at most the first batch: the second is written beside it) never goes out.
    const rows = await world.messagesOf(id);
    expect(rows.length).toBeLessThanOrEqual(7);
    expect(rows.filter((row) => row.status !== 'cancelled')).toEqual([]);
    const figures = await stats(id);
    expect(figures).toMatchObject({ status: 'cancelled', segment: 20, cancelled: 20, queued: 0, sent: 0 });
    expect(sumOf(figures)).toBe(20);
    expect(await controlCampaign(deps, id, 'resume', clock.now())).toBe('wrong-status');
  });

  it('cancelled while a batch of members is being read: that batch and the rest of the segment are recorded as cancelled, none left waiting', async () => {
    await world.seed(Array.from({ length: 20 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    const deps = world.deps();
    let batches = 0;
    // The cancel is written between this batch's read and its write, as when another instance cancels meanwhile.
    const cancelledMidBatch = {
      ...deps.fanOut,
      segmentAudience: async (...args: Parameters<typeof deps.fanOut.segmentAudience>) => {
        const members = await deps.fanOut.segmentAudience(...args);
        if (++batches === 2) await controlCampaign(deps, id, 'cancel', clock.now());
        return members;
      },
    };
    expect(await fanOutCampaign({ ...deps, fanOut: cancelledMidBatch }, id, clock.now())).toBe('stopped');
    const figures = await stats(id);
    expect(figures).toMatchObject({ status: 'cancelled', segment: 20, cancelled: 20, queued: 0, sent: 0 });
    expect(sumOf(figures)).toBe(20);
    // Whatever was queued before the cancel (the next batch is read while one is written) never goes out.
    const rows = await world.messagesOf(id);
    expect(rows.filter((row) => row.status !== 'cancelled')).toEqual([]);
  });

  it('sends each member exactly once through a crash in the middle of the fan-out', async () => {
    const ids = await world.seed(Array.from({ length: 40 }, (_, i) => ({ name: `Member ${i}` })));
    const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 0 });
    await start(id);
    const deps = world.deps();
    let batches = 0;
    const crashing = {
      ...deps.fanOut,
      enrolDecided: async (...args: Parameters<typeof deps.fanOut.enrolDecided>) => {
        // The process dies after the third batch committed, before it could say so; the fourth, begun beside it
        // (PostgreSQL writes two at once), dies with it.
        const batch = ++batches;
        if (batch > 3) throw new Error('killed');
        const written = await deps.fanOut.enrolDecided(...args);
        if (batch === 3) throw new Error('killed');
        return written;
      },
    };
    await expect(fanOutCampaign({ ...deps, fanOut: crashing }, id, clock.now())).rejects.toThrow('killed');
    expect(await world.messagesOf(id)).toHaveLength(21);
    // The scheduled job on the restarted process takes it from there, twice for good measure.
    await runCampaigns(world.deps(), clock.now());
    await runCampaigns(world.deps(), clock.now());
    const rows = await world.messagesOf(id);
    expect(rows.map((row) => row.memberId).sort()).toEqual([...ids].sort());
    expect(await controlCampaign(deps, id, 'start', clock.now())).toMatchObject({ status: 'sending' });
    expect(await world.messagesOf(id)).toHaveLength(40);
  });

  // Several instances share PostgreSQL only; SQLite is the one-process default.
  it.runIf(provider === 'postgresql')(
    'sends each member exactly once when two instances fan out one campaign at the same time',
    async () => {
      const ids = await world.seed(Array.from({ length: 50 }, (_, i) => ({ name: `Member ${i}` })));
      const id = await world.campaign(await world.segment('Everyone'), { holdoutPercent: 10 });
      await start(id);
      const second = openDatabase(world.db.url);
      try {
        await Promise.all([
          fanOutCampaign(world.deps({ batchSize: 5 }), id, clock.now()),
          fanOutCampaign(world.deps({ batchSize: 3 }, second), id, clock.now()),
        ]);
      } finally {
        await second.close();
      }
      const rows = await world.messagesOf(id);
      const members = rows.map((row) => row.memberId!);
      expect(new Set(members).size).toBe(members.length);
      const recipients = await world.db.prisma.campaignRecipient.findMany({ where: { campaignId: id } });
      expect(recipients.map((row) => row.memberId).sort()).toEqual([...ids].sort());
      const queued = recipients.filter((row) => row.outcome === 'queued').map((row) => row.memberId);
      expect(members.sort()).toEqual(queued.sort());
      const figures = await stats(id);
      expect(sumOf(figures)).toBe(50);
    },
  );
});
