// Claim periods of prize draws: a prize code not redeemed within claimDays
// is void (the till refuses it) and the prize passes to the next entry in
// score order, who is told; a redeemed code and a points prize never lapse;
// two instances running the step, or running it again, hand over once; the
// public result records the hand-over so it can be recomputed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { quizPlayer } from '../quizzes/support/quizPlayer.ts';
import { testClock } from '../quizzes/support/quizApp.ts';
import { byScore, drawBody, startDrawApp, type DrawApp } from './support/drawApp.ts';

interface Lapse {
  entryId: string;
  prize: number;
  lapsedAt: string;
  replacedBy: string | null;
}
interface DrawResult {
  seed: string;
  beacon: string;
  entriesDigest: string;
  claimDays: number;
  entries: { id: string; member: string; holder: number }[];
  winners: { entryId: string; prize: number }[];
  lapsed: Lapse[];
}

const DAY = 86_400_000;
const LOCALES = ['en', 'ru', 'ro'] as const;

const passedOnText = {
  en: (name: string, code: string) =>
    `🎁 ${name}, the prize “Coffee machine” in “Winter draw” is yours now: the winner drawn before you did not claim it in time, so it passed to you, the next entry.\nYour prize code: ${code}\nClaim it at the till by 17 December 2026, 15:00; after that it lapses. It is on your card screen (💳 My card) too.`,
  ru: (name: string, code: string) =>
    `🎁 ${name}, приз «Coffee machine» в розыгрыше «Зимний розыгрыш» теперь ваш: победитель, выбранный раньше вас, не забрал его вовремя, и приз перешёл к вам как к следующему участнику.\nВаш код приза: ${code}\nЗаберите приз на кассе до 17 декабря 2026 г., 15:00; после этого код сгорит. Он есть и на экране вашей карты (💳 Моя карта).`,
  ro: (name: string, code: string) =>
    `🎁 ${name}, premiul „Coffee machine” de la „Tragerea de iarnă” este acum al dumneavoastră: câștigătorul extras înainte nu l-a ridicat la timp, așa că a trecut la dumneavoastră, următorul participant.\nCodul premiului: ${code}\nRidicați-l la casă până la 17 decembrie 2026, ora 15:00; după aceea codul expiră. Îl găsiți și pe ecranul cardului (💳 Cardul meu).`,
};

describeEachProvider('Prize draw claim periods', (provider) => {
  const clock = testClock();
  let world: DrawApp;

  beforeAll(async () => {
    world = await startDrawApp(provider, clock.now);
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('hands an unredeemed code to the next entry in score order, once, and the till refuses the old code', async () => {
    const { body: draw } = await world.call<{ id: string; claimDays: number }>(
      'POST',
      '/api/v1/draws',
      drawBody({
        claimDays: 7,
        prizes: [
          { name: { en: 'Coffee machine' }, count: 2 },
          { name: { en: '500 points' }, count: 1, points: 500 },
        ],
      }),
    );
    expect(draw.claimDays).toBe(7);
    const people = ['Ana Popescu', 'Ion Rusu', 'Eva Lungu', 'Dan Ceban', 'Mara Ceban', 'Vlad Roman'];
    for (const [index, name] of people.entries()) {
      const phone = `+3736966000${index}`;
      await quizPlayer(world, `claim-${index}-${provider}`).joins(name, phone, LOCALES[index % 3]);
      await world.call('POST', '/api/v1/purchases', {
        member: { phone },
        amount: 15_000,
        receiptId: `${provider}-c${index}`,
      });
    }
    clock.advance(3 * 3_600_000);
    expect((await world.call('POST', `/api/v1/draws/${draw.id}/run`, {})).status).toBe(200);

    const prisma = world.app.db.prisma;
    const awardOf = (entryId: string) =>
      prisma.prizeAward.findUniqueOrThrow({ where: { winId: `draw:${draw.id}:${entryId}` } });
    const before = await result(draw.id);
    const [first, second, pointsWinner] = before.winners;
    const claimed = (await awardOf(first!.entryId)).code!;
    const unclaimed = (await awardOf(second!.entryId)).code!;
    expect((await world.call('POST', `/api/v1/prize-codes/${claimed}/redeem`)).status).toBe(200);

    // Within the period nothing lapses.
    clock.advance(6 * DAY);
    await world.runJobs();
    expect((await result(draw.id)).lapsed).toEqual([]);

    clock.advance(2 * DAY);
    const other = await world.second();
    await Promise.all([world.runJobs(), world.runJobs(other.app)]);
    const after = await result(draw.id);
    expect(after.winners).toEqual(before.winners);
    expect(after.lapsed).toHaveLength(1);
    const [lapse] = after.lapsed;
    expect(lapse).toMatchObject({ entryId: second!.entryId, prize: 0, lapsedAt: clock.now().toISOString() });

    // Anyone can recompute the replacement: the first entry by score whose member has not won.
    const holderOf = new Map(after.entries.map((entry) => [entry.id, entry.holder]));
    const won = new Set(after.winners.map((winner) => holderOf.get(winner.entryId)));
    const expected = byScore(after, after.entries).find((entry) => !won.has(entry.holder))!;
    expect(lapse!.replacedBy).toBe(expected.id);

    // The new winner has a code of their own and is told; the old code is refused at the till.
    const replacement = await awardOf(expected.id);
    expect(replacement).toMatchObject({ prize: 0, voidedAt: null, redeemedAt: null });
    expect(replacement.code).not.toBe(unclaimed);
    const told = await prisma.outboxMessage.findMany({
      where: { dedupeKey: `prize:draw:${draw.id}:${expected.id}:won` },
    });
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toContain('Coffee machine');
    // …with a text of their own, in their language: why it is theirs, the prize, and by when to claim it.
    const newWinner = await prisma.member.findUniqueOrThrow({ where: { id: replacement.memberId } });
    const [{ text }] = JSON.parse(told[0]!.payload) as [{ text: string }];
    const code = `PRZ-${replacement.code!.slice(0, 5)}-${replacement.code!.slice(5)}`;
    // Awarded now (10 December, 13:00 UTC), claimable for 7 days: 17 December, 15:00 in Chisinau.
    expect(text).toBe(passedOnText[newWinner.locale as 'en' | 'ru' | 'ro'](newWinner.name!, code));
    const refused = await world.call('POST', `/api/v1/prize-codes/${unclaimed}/redeem`);
    expect(refused).toMatchObject({ status: 410, body: { type: '/api/problems/prize-code-lapsed' } });

    // The redeemed code and the points prize never lapse.
    expect((await awardOf(first!.entryId)).voidedAt).toBeNull();
    expect((await awardOf(pointsWinner!.entryId)).voidedAt).toBeNull();

    // Running the step again changes nothing.
    await world.runJobs();
    await world.runJobs(other.app);
    expect((await result(draw.id)).lapsed).toEqual(after.lapsed);
    expect(await prisma.prizeAward.count({ where: { sourceId: draw.id } })).toBe(4);
    expect(await prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `prize:draw:${draw.id}:` } } })).toBe(
      4,
    );
  });

  it('refuses a claim period out of range and leaves codes of a draw without one alone', async () => {
    const bad = await world.call('POST', '/api/v1/draws', drawBody({ claimDays: 0 }));
    expect(bad.status).toBe(400);
    const start = clock.now().getTime();
    const { body: draw } = await world.call<{ id: string }>(
      'POST',
      '/api/v1/draws',
      drawBody({
        entry: { kind: 'optIn' },
        opensAt: new Date(start - 60_000).toISOString(),
        closesAt: new Date(start + 60_000).toISOString(),
        drawAt: new Date(start + 60_000).toISOString(),
      }),
    );
    clock.advance(120_000);
    await world.call('POST', `/api/v1/draws/${draw.id}/run`, {});
    clock.advance(400 * DAY);
    await world.runJobs();
    expect((await result(draw.id)).lapsed).toEqual([]);
  });

  async function result(id: string): Promise<DrawResult> {
    return (await world.call<DrawResult>('GET', `/api/v1/draws/${id}/result`, undefined, null)).body;
  }
});
