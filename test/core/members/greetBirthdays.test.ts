import { afterEach, beforeEach, expect, it } from 'vitest';
import { greetBirthdays } from '../../../core/members/greetBirthdays.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createJobsWorld, DAY_MS, type JobsWorld } from '../jobs/support/jobsWorld.ts';

/** Noon in Chisinau (UTC+2 in winter) on the given day. */
const noonOn = (isoDay: string) => new Date(`${isoDay}T10:00:00Z`);
const leapDay = { day: 29, month: 2 };

describeEachProvider('birthday greetings', (provider) => {
  let world: JobsWorld;

  beforeEach(async () => {
    world = await createJobsWorld(provider);
    await world.useRules({ birthdayBonus: 200, pointsLifetimeDays: 365 });
  });

  afterEach(async () => {
    await world.dispose();
  });

  const giftsOf = async (memberId: string) =>
    (await world.entriesOf(memberId, 'birthday')).map((entry) => [entry.idempotencyKey, entry.delta]);
  const greetingsOf = async (memberId: string) =>
    (await world.outbox(`birthday:${memberId}:`)).map((row) => world.textOf(row));

  it('still credits the birthday bonus of a member who switched birthday greetings off, but sends no greeting', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await world.db.prisma.notificationMute.create({ data: { memberId: anna, topic: 'birthday' } });
    await greetBirthdays(world.deps(), noonOn('2026-11-23'));
    expect(await giftsOf(anna)).toEqual([[`birthday:${anna}:2026`, 200]]);
    expect((await world.outbox(`birthday:${anna}:`)).map((row) => row.status)).toEqual(['muted']);
    expect(await greetBirthdays(world.deps(), noonOn('2026-11-23'))).toEqual({ celebrated: 0, gifted: 0 });
  });

  it('greets a member born on 29 February on 28 February 2027, a year without 29 February', async () => {
    const anna = await world.aMember({ birthday: leapDay });
    expect(await greetBirthdays(world.deps(), noonOn('2027-02-28'))).toEqual({ celebrated: 1, gifted: 1 });
    expect(await giftsOf(anna)).toEqual([[`birthday:${anna}:2027`, 200]]);
    expect(await greetingsOf(anna)).toHaveLength(1);
  });

  it('greets a member born on 29 February on 29 February 2028, and not on the 28th', async () => {
    const anna = await world.aMember({ birthday: leapDay });
    expect(await greetBirthdays(world.deps(), noonOn('2028-02-28'))).toEqual({ celebrated: 0, gifted: 0 });
    expect(await giftsOf(anna)).toEqual([]);
    expect(await greetBirthdays(world.deps(), noonOn('2028-02-29'))).toEqual({ celebrated: 1, gifted: 1 });
    expect(await giftsOf(anna)).toEqual([[`birthday:${anna}:2028`, 200]]);
  });

  it('leaves other members alone', async () => {
    await world.aMember({ birthday: { day: 1, month: 3 } });
    await world.aMember();
    expect(await greetBirthdays(world.deps(), noonOn('2027-02-28'))).toEqual({ celebrated: 0, gifted: 0 });
    expect(await world.outbox('birthday:')).toEqual([]);
  });

  it('greets by name, in the member’s language, and says what the gift is', async () => {
    const ion = await world.aMember({ name: 'Ion', locale: 'ro', birthday: { day: 23, month: 11 } });
    const olga = await world.aMember({ name: 'Ольга', locale: 'ru', birthday: { day: 23, month: 11, year: 1990 } });
    await greetBirthdays(world.deps(), noonOn('2026-11-23'));
    expect(await greetingsOf(ion)).toEqual([
      'La mulți ani, Ion! 🎉 Vă dorim bucurie, sănătate și multe surprize plăcute.\nCadoul nostru: v-am acordat pe card 200 de puncte.',
    ]);
    expect(await greetingsOf(olga)).toEqual([
      'С днём рождения, Ольга! 🎉 Желаем радости, здоровья и много приятных сюрпризов.\nНаш подарок: мы начислили на вашу карту 200 баллов.',
    ]);
  });

  it('gives no gift for a birthday entered 10 days ago, but still greets', async () => {
    const now = noonOn('2026-11-23');
    const anna = await world.aMember({
      birthday: { day: 23, month: 11 },
      birthdaySetAt: new Date(now.getTime() - 10 * DAY_MS),
    });
    expect(await greetBirthdays(world.deps(), now)).toEqual({ celebrated: 1, gifted: 0 });
    expect(await giftsOf(anna)).toEqual([]);
    expect(await world.balanceOf(anna)).toBe(0);
    expect(await greetingsOf(anna)).toEqual([
      'Happy birthday, Anna! 🎉 We wish you joy, good health and many pleasant surprises.',
    ]);
  });

  it('gives the gift for a birthday entered 40 days ago', async () => {
    const now = noonOn('2026-11-23');
    const anna = await world.aMember({
      birthday: { day: 23, month: 11 },
      birthdaySetAt: new Date(now.getTime() - 40 * DAY_MS),
    });
    await greetBirthdays(world.deps(), now);
    expect(await giftsOf(anna)).toEqual([[`birthday:${anna}:2026`, 200]]);
  });

  it('gives the gift once per year however often the job runs that day', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await greetBirthdays(world.deps(), noonOn('2026-11-23'));
    expect(await greetBirthdays(world.deps(), new Date('2026-11-23T15:00:00Z'))).toEqual({ celebrated: 0, gifted: 0 });
    expect(await giftsOf(anna)).toEqual([[`birthday:${anna}:2026`, 200]]);
    expect(await greetingsOf(anna)).toHaveLength(1);
    expect(await world.balanceOf(anna)).toBe(200);
  });

  it('gives the gift once when two instances run the job at the same moment', async () => {
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await world.aMember({ birthday: { day: 23, month: 11 } }));
    const now = noonOn('2026-11-23');
    const [first, second] = await Promise.all([
      greetBirthdays(world.deps(), now),
      greetBirthdays(world.secondInstance(), now),
    ]);
    expect(first.gifted + second.gifted).toBe(4);
    for (const member of members) {
      expect(await giftsOf(member)).toHaveLength(1);
      expect(await greetingsOf(member)).toHaveLength(1);
      expect(await world.balanceOf(member)).toBe(200);
      expect(await world.ledgerSum(member)).toBe(200);
    }
  });

  it('gives the gift again the next year', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await greetBirthdays(world.deps(), noonOn('2026-11-23'));
    await greetBirthdays(world.deps(), noonOn('2027-11-23'));
    expect((await giftsOf(anna)).map(([key]) => key)).toEqual([`birthday:${anna}:2026`, `birthday:${anna}:2027`]);
  });

  it('decides the day in the programme time zone: 23:30 UTC on the 22nd is already the 23rd in Chisinau', async () => {
    const born23 = await world.aMember({ birthday: { day: 23, month: 11 } });
    const born22 = await world.aMember({ birthday: { day: 22, month: 11 } });
    await greetBirthdays(world.deps(), new Date('2026-11-22T23:30:00Z'));
    expect(await giftsOf(born23)).toEqual([[`birthday:${born23}:2026`, 200]]);
    expect(await giftsOf(born22)).toEqual([]);
  });

  it('credits the gift at once but holds the greeting until 10:00 local time', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    await greetBirthdays(world.deps(), new Date('2026-11-22T23:30:00Z'));
    const [greeting] = await world.outbox(`birthday:${anna}:`);
    expect(greeting!.nextAttemptAt).toEqual(new Date('2026-11-23T08:00:00Z'));
    expect(await world.balanceOf(anna)).toBe(200);
  });

  it('lets the gift expire like other points, after the programme’s points lifetime', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    const now = noonOn('2026-11-23');
    await greetBirthdays(world.deps(), now);
    const [gift] = await world.entriesOf(anna, 'birthday');
    expect(gift!.expiresAt).toEqual(new Date(now.getTime() + 365 * DAY_MS));
  });

  it('credits the gift to a member without a chat, and greets nobody', async () => {
    const anna = await world.aMember({ birthday: { day: 23, month: 11 }, chat: false });
    expect(await greetBirthdays(world.deps(), noonOn('2026-11-23'))).toEqual({ celebrated: 1, gifted: 1 });
    expect(await greetBirthdays(world.deps(), noonOn('2026-11-23'))).toEqual({ celebrated: 0, gifted: 0 });
    expect(await world.balanceOf(anna)).toBe(200);
    expect(await world.outbox('birthday:')).toEqual([]);
  });

  it('greets without a gift when the programme gives none', async () => {
    await world.useRules({ birthdayBonus: 0 });
    const anna = await world.aMember({ birthday: { day: 23, month: 11 } });
    expect(await greetBirthdays(world.deps(), noonOn('2026-11-23'))).toEqual({ celebrated: 1, gifted: 0 });
    expect(await greetingsOf(anna)).toHaveLength(1);
  });

  it('walks every member in pages', async () => {
    for (let i = 0; i < 5; i++) await world.aMember({ birthday: { day: 23, month: 11 } });
    expect(await greetBirthdays(world.deps({ batchSize: 2 }), noonOn('2026-11-23'))).toEqual({
      celebrated: 5,
      gifted: 5,
    });
  });
});
