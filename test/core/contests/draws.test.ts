// Prize draws through the REST API: a purchase draw whose refunded purchase
// loses its entry, run at once by two application instances (one draw, one
// result, prizes awarded once), its public result masked and recomputable;
// an opt-in draw entered once with the "Take part" button; the scheduler
// running a draw at its time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { menuPayload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { quizPlayer } from '../quizzes/support/quizPlayer.ts';
import { testClock } from '../quizzes/support/quizApp.ts';
import { byScore, drawBody, sha256, startDrawApp, type DrawApp } from './support/drawApp.ts';

interface DrawView {
  id: string;
  commitment: string;
  status: string;
  seed?: string;
  entryCount: number;
  winners?: { entryId: string; prize: number }[];
}
interface DrawResult {
  seed: string;
  beacon: string;
  entriesDigest: string;
  commitment: string;
  entries: { id: string; member: string }[];
  winners: { entryId: string; prize: number }[];
}

describeEachProvider('Prize draws', (provider) => {
  const clock = testClock();
  let world: DrawApp;

  beforeAll(async () => {
    world = await startDrawApp(provider, clock.now);
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function member(address: string, name: string, phone: string) {
    const player = quizPlayer(world, `${address}-${provider}`);
    await player.joins(name, phone);
    const chat = await world.app.db.prisma.chat.findFirstOrThrow({ where: { address: player.address } });
    return { player, id: chat.memberId!, phone };
  }

  const buy = async (phone: string, amount: number, receiptId: string) =>
    (await world.call<{ purchaseId: string }>('POST', '/api/v1/purchases', { member: { phone }, amount, receiptId }))
      .body.purchaseId;

  it('draws once among purchases, without a refunded one, even run by two instances at once', async () => {
    const created = await world.call<DrawView>('POST', '/api/v1/draws', drawBody());
    expect(created.status).toBe(201);
    const draw = created.body;
    expect(draw.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.seed).toBeUndefined();

    const ana = await member('d-ana', 'Ana Popescu', '+37369440747');
    const ion = await member('d-ion', 'Ion Rusu', '+37369440002');
    const eva = await member('d-eva', 'Eva Lungu', '+37369440003');
    await buy(ana.phone, 15_000, `${provider}-r1`);
    await buy(ana.phone, 20_000, `${provider}-r2`);
    await buy(ion.phone, 9_999, `${provider}-r3`); // below minAmount: no entry
    const refunded = await buy(ion.phone, 30_000, `${provider}-r4`);
    await buy(eva.phone, 10_000, `${provider}-r5`);
    expect((await world.call('POST', `/api/v1/purchases/${refunded}/refund`)).status).toBe(200);

    // Too early: the window is still open.
    const early = await world.call('POST', `/api/v1/draws/${draw.id}/run`, {});
    expect(early.body).toMatchObject({ type: '/api/problems/draw-still-open' });
    expect(
      (await world.call<DrawResult>('GET', `/api/v1/draws/${draw.id}/result`, undefined, null)).body,
    ).toMatchObject({
      seed: null,
      entries: [],
    });

    clock.advance(3 * 3_600_000);
    const second = await world.second();
    const runs = await Promise.all([
      world.call<DrawView>('POST', `/api/v1/draws/${draw.id}/run`, { beacon: 'ignored' }),
      second.call<DrawView>('POST', `/api/v1/draws/${draw.id}/run`, {}),
    ]);
    expect(runs.map((run) => run.status)).toEqual([200, 200]);
    expect(runs[0].body).toEqual(runs[1].body);
    const again = await world.call<DrawView>('POST', `/api/v1/draws/${draw.id}/run`, {});
    expect(again.body).toEqual(runs[0].body);
    expect(again.body).toMatchObject({ status: 'drawn', entryCount: 3 });
    expect(sha256(again.body.seed!)).toBe(draw.commitment);

    const { body: result } = await world.call<DrawResult>('GET', `/api/v1/draws/${draw.id}/result`, undefined, null);
    expect(result.entries).toHaveLength(3);
    expect(result.entries.filter((entry) => entry.member === 'Ana P. ••0747')).toHaveLength(2);
    expect(result.entries.some((entry) => entry.member.startsWith('Ion'))).toBe(false);
    // Anyone can recompute it.
    const ids = result.entries.map((entry) => entry.id).sort();
    expect(sha256(ids.join('\n'))).toBe(result.entriesDigest);
    const memberOf = new Map(result.entries.map((entry) => [entry.id, entry.member]));
    const expected: string[] = [];
    for (const { id } of byScore(result, result.entries))
      if (!expected.some((won) => memberOf.get(won) === memberOf.get(id))) expected.push(id);
    expect(result.winners.map((winner) => winner.entryId)).toEqual(expected);
    expect(result.winners.map((winner) => winner.prize)).toEqual([0, 1]);

    // Awarded once, though two instances and a repeat ran it.
    const awards = await world.app.db.prisma.prizeAward.findMany({ where: { sourceId: draw.id } });
    expect(awards).toHaveLength(2);
    const pointsWinner = awards.find((award) => award.points === 500)!;
    const row = await world.app.db.prisma.member.findUniqueOrThrow({ where: { id: pointsWinner.memberId } });
    expect(row.balance - (await earnedBy(pointsWinner.memberId))).toBe(500);
  });

  async function earnedBy(memberId: string) {
    const lines = await world.app.db.prisma.ledgerEntry.findMany({ where: { memberId, NOT: { kind: 'prize' } } });
    return lines.reduce((sum, line) => sum + line.delta, 0);
  }

  it('enters a member once with “Take part”, and the scheduler draws at drawAt', async () => {
    const start = clock.now();
    const opens = new Date(start.getTime() - 60_000).toISOString();
    const closes = new Date(start.getTime() + 3_600_000).toISOString();
    const { body: draw } = await world.call<DrawView>(
      'POST',
      '/api/v1/draws',
      drawBody({
        entry: { kind: 'optIn' },
        opensAt: opens,
        closesAt: closes,
        drawAt: closes,
        title: { en: 'Tea draw' },
      }),
    );
    const mara = await member('d-mara', 'Mara Ceban', '+37369440004');
    const [menu] = await mara.player.presses(menuPayload('main'));
    const takePart = menu!.buttons!.flat().find((button) => button.label === '🎟 Take part: Tea draw')!;
    const [joined] = await mara.player.presses(takePart.payload!);
    expect(joined!.text).toContain('You are in the draw “Tea draw”');
    expect(joined!.text).toContain(draw.commitment);
    const [twice] = await mara.player.presses(takePart.payload!);
    expect(twice!.text).toContain('already');
    expect((await world.call<DrawView>('GET', `/api/v1/draws/${draw.id}`)).body.entryCount).toBe(1);

    clock.advance(2 * 3_600_000);
    await Promise.all([world.runJobs(), world.runJobs()]);
    const { body: after } = await world.call<DrawView>('GET', `/api/v1/draws/${draw.id}`);
    expect(after.status).toBe('drawn');
    expect(after.winners).toHaveLength(1);
    const told = await world.app.db.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `prize:draw:${draw.id}:` } },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toContain('Tea draw');
  });

  it('refuses a draw that closes before it opens, and waits for an announced beacon', async () => {
    const bad = await world.call('POST', '/api/v1/draws', drawBody({ closesAt: '2026-12-01T00:00:00Z' }));
    expect(bad.status).toBe(400);
    const { body: beaconed } = await world.call<DrawView>(
      'POST',
      '/api/v1/draws',
      drawBody({ beaconSource: 'drand quicknet round 5123456' }),
    );
    await world.runJobs();
    expect((await world.call<DrawView>('GET', `/api/v1/draws/${beaconed.id}`)).body.status).not.toBe('drawn');
    expect((await world.call('POST', `/api/v1/draws/${beaconed.id}/run`, {})).body).toMatchObject({
      type: '/api/problems/draw-beacon-required',
    });
    const run = await world.call<DrawView & { beacon: string }>('POST', `/api/v1/draws/${beaconed.id}/run`, {
      beacon: 'ab12',
    });
    expect(run.body).toMatchObject({ status: 'drawn', beacon: 'ab12' });
  });
});
