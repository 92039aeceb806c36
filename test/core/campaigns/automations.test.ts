// Automatic messages on a real database: the welcome series reaches a member
// on the day they join and once only, win-back writes to the lapsed at most
// once in its days, and switching one off holds what waits.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { runAutomations } from '../../../core/campaigns/campaignsJobs.ts';
import { newHoldoutSeed } from '../../../core/campaigns/holdout.ts';
import type { AutomationKind } from '../../../core/campaigns/automations.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { testClock } from '../quizzes/support/quizApp.ts';
import { campaignWorld, type CampaignWorld } from './support/campaignWorld.ts';

const NOON = new Date('2026-12-02T10:00:00Z');
const DAY = 86_400_000;

describeEachProvider('automatic messages', (provider) => {
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
    await world.db.prisma.campaign.deleteMany({});
    await world.db.prisma.outboxMessage.deleteMany({});
    await world.db.prisma.member.deleteMany({});
  });

  const save = (kind: AutomationKind, enabled: boolean, days: number | null = null) =>
    world.deps().campaigns.saveAutomation(
      kind,
      {
        name: kind,
        segmentId: null,
        category: 'news',
        messages: { en: `${kind} for {name}` },
        buttons: [],
        imageUrl: null,
        sendAt: null,
        holdoutPercent: 0,
        resultDays: 7,
      },
      enabled,
      days,
      newHoldoutSeed(),
      clock.now(),
    );

  it('welcomes a member on the day they join, and only once however often it runs', async () => {
    const welcome = await save('welcome-0', true);
    const [joined] = await world.seed([{ name: 'New' }]);
    clock.advance(-40 * DAY);
    await world.seed([{ name: 'Old' }]);
    clock.advance(40 * DAY);
    await runAutomations(world.deps(), clock.now());
    await runAutomations(world.deps(), clock.now());
    const rows = await world.messagesOf(welcome.id);
    expect(rows.map((row) => row.memberId)).toEqual([joined]);
    expect(JSON.parse(rows[0]!.payload)[0].text).toBe('welcome-0 for New');
  });

  it('writes to a lapsed member once in its days, and again after them', async () => {
    const winBack = await save('win-back', true, 30);
    const [lapsed] = await world.seed([{ name: 'Lapsed' }]);
    const [recent] = await world.seed([{ name: 'Recent' }]);
    await world.db.prisma.member.update({
      where: { id: lapsed },
      data: { lastPurchaseAt: new Date(NOON.getTime() - 45 * DAY) },
    });
    await world.db.prisma.member.update({
      where: { id: recent },
      data: { lastPurchaseAt: new Date(NOON.getTime() - 2 * DAY) },
    });
    await runAutomations(world.deps(), clock.now());
    clock.advance(DAY);
    await runAutomations(world.deps(), clock.now());
    expect((await world.messagesOf(winBack.id)).map((row) => row.memberId)).toEqual([lapsed]);
    clock.advance(31 * DAY);
    await runAutomations(world.deps(), clock.now());
    // A month on, the first is written to again, and the one who bought 34 days ago is lapsed now too.
    const rows = (await world.messagesOf(winBack.id)).map((row) => row.memberId);
    expect(rows.filter((id) => id === lapsed)).toHaveLength(2);
    expect(rows.filter((id) => id === recent)).toHaveLength(1);
  });

  it('sends nothing while switched off, and holds what was waiting until it is on again', async () => {
    await save('welcome-0', false);
    await world.seed([{ name: 'New' }]);
    await runAutomations(world.deps(), clock.now());
    const off = await save('welcome-0', false);
    expect(await world.messagesOf(off.id)).toEqual([]);
    await save('welcome-0', true);
    await runAutomations(world.deps(), clock.now());
    expect(await world.messagesOf(off.id)).toHaveLength(1);
    await save('welcome-0', false);
    expect((await world.messagesOf(off.id))[0]!.status).toBe('paused');
  });
});
