// Prize awarding, shared by draws and contests: points credited to the
// winner's ledger once, or a prize code issued once, shown on their card
// screen and redeemed once (the REST API, two tills at once); the winner told
// in their language through the outbox.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prizesOf, type Prizes } from '../../../app/prizes.ts';
import { createLogger } from '../../../app/logger.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import { menuPayload } from '../../../core/payloads.ts';
import type { Prize } from '../../../core/contests/prize.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startQuizApp, testClock, type QuizApp } from '../quizzes/support/quizApp.ts';
import { quizPlayer } from '../quizzes/support/quizPlayer.ts';

const title = { en: 'Winter draw', ru: 'Зимний розыгрыш', ro: 'Tragerea de iarnă' };
const prizes: Prize[] = [
  { name: { en: 'Coffee machine', ru: 'Кофемашина', ro: 'Espressor' }, count: 1 },
  { name: { en: 'Bonus points', ru: 'Бонусные баллы' }, count: 2, points: 500 },
];

describeEachProvider('Awarding prizes', (provider) => {
  const clock = testClock();
  let world: QuizApp;
  let awarding: Prizes;

  beforeAll(async () => {
    world = await startQuizApp(provider, clock.now);
    awarding = prizesOf(world.app.db, {
      translator: createTranslator(),
      settings: { defaultLocale: 'en', timezone: 'UTC' },
      loadRules: world.app.points.rules,
      clock: clock.now,
      log: createLogger('silent'),
    });
  });

  afterAll(async () => {
    await world?.stop();
  });

  async function member(address: string, name: string, phone: string, locale: 'en' | 'ru' = 'en') {
    const player = quizPlayer(world, `${address}-${provider}`);
    await player.joins(name, phone, locale);
    const chat = await world.app.db.prisma.chat.findFirstOrThrow({ where: { address: player.address } });
    return { player, id: chat.memberId! };
  }

  it('credits a points prize once, however often it is awarded, and tells the winner in their language', async () => {
    const elena = await member('points', 'Elena Ceban', '+37369333001', 'ru');
    const win = { winId: `draw-1:${elena.id}`, memberId: elena.id, prize: 1 };
    const source = { kind: 'draw' as const, id: 'draw-1' };
    await Promise.all([
      awarding.awarding.award(source, title, prizes, [win]),
      awarding.awarding.award(source, title, prizes, [win]),
    ]);
    await awarding.awarding.award(source, title, prizes, [win]);
    const row = await world.app.db.prisma.member.findUniqueOrThrow({ where: { id: elena.id } });
    expect(row.balance).toBe(500);
    const lines = await world.app.db.prisma.ledgerEntry.findMany({ where: { memberId: elena.id, kind: 'prize' } });
    expect(lines).toHaveLength(1);
    const told = await world.app.db.prisma.outboxMessage.findMany({ where: { dedupeKey: `prize:${win.winId}:won` } });
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toContain('вы выиграли «Бонусные баллы» в розыгрыше «Зимний розыгрыш»');
  });

  it('issues a prize code once, shows it on the card, and redeems it once', async () => {
    const ana = await member('code', 'Ana Popescu', '+37369333002');
    const win = { winId: `draw-2:${ana.id}`, memberId: ana.id, prize: 0 };
    const source = { kind: 'draw' as const, id: 'draw-2' };
    await awarding.awarding.award(source, title, prizes, [win]);
    await awarding.awarding.award(source, title, prizes, [win]);
    const codes = await awarding.store.unredeemedCodes(ana.id);
    expect(codes).toHaveLength(1);
    const code = `PRZ-${codes[0]!.code.slice(0, 5)}-${codes[0]!.code.slice(5)}`;
    const told = await world.app.db.prisma.outboxMessage.findFirstOrThrow({
      where: { dedupeKey: `prize:${win.winId}:won` },
    });
    expect(told.payload).toContain(code);

    const [card] = await ana.player.presses(menuPayload('card'));
    expect(card!.text).toContain('Prizes to collect at the till');
    expect(card!.text).toContain(`Coffee machine: ${code}`);

    // Two tills at once: one hands the prize over, the other is told it was.
    const redeem = () => world.call('POST', `/api/v1/prize-codes/${code.toLowerCase()}/redeem`);
    const answers = await Promise.all([redeem(), redeem()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const ok = answers.find((answer) => answer.status === 200)!;
    expect(ok.body).toMatchObject({ code, memberId: ana.id, prize: { en: 'Coffee machine' } });
    expect((await redeem()).body).toMatchObject({ type: '/api/problems/prize-code-redeemed' });
    expect((await world.call('POST', '/api/v1/prize-codes/PRZ-NOPE/redeem')).status).toBe(404);

    const [after] = await ana.player.presses(menuPayload('card'));
    expect(after!.text).not.toContain('Prizes to collect');
  });
});
