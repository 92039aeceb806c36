import { afterEach, beforeEach, expect, it } from 'vitest';
import { remindExpiringPoints } from '../../../core/points/remindExpiringPoints.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { createJobsWorld, DAY_MS, type JobsWorld } from '../jobs/support/jobsWorld.ts';

// 12:00 in Chisinau.
const now = new Date('2026-11-10T10:00:00Z');
const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY_MS);
const longAgo = new Date('2026-01-01T00:00:00Z');

describeEachProvider('expiry reminders', (provider) => {
  let world: JobsWorld;

  beforeEach(async () => {
    world = await createJobsWorld(provider);
  });

  afterEach(async () => {
    await world.dispose();
  });

  it('reminds of a lot that expires within the reminder period, once however often it runs', async () => {
    const anna = await world.aMember();
    const lot = await world.aLot(anna, 40, daysFromNow(10), longAgo);
    expect(await remindExpiringPoints(world.deps(), now)).toBe(1);
    expect(await remindExpiringPoints(world.deps(), new Date(now.getTime() + 60_000))).toBe(0);
    expect((await world.outbox('expiry-reminder:')).map((row) => [row.dedupeKey, row.memberId])).toEqual([
      [`expiry-reminder:${lot}`, anna],
    ]);
  });

  it('reminds once per lot: two lots expiring soon make two reminders', async () => {
    const anna = await world.aMember();
    const first = await world.aLot(anna, 40, daysFromNow(3), longAgo);
    const second = await world.aLot(anna, 7, daysFromNow(12), longAgo);
    await remindExpiringPoints(world.deps(), now);
    expect((await world.outbox('expiry-reminder:')).map((row) => row.dedupeKey).sort()).toEqual(
      [`expiry-reminder:${first}`, `expiry-reminder:${second}`].sort(),
    );
  });

  it('leaves alone lots that expire later, have expired, never expire or are spent', async () => {
    const anna = await world.aMember();
    await world.aLot(anna, 40, daysFromNow(15), longAgo);
    await world.aLot(anna, 40, daysFromNow(-1), longAgo);
    await world.aLot(anna, 40, null, longAgo);
    const boris = await world.aMember();
    await world.aLot(boris, 10, daysFromNow(5), longAgo);
    await world.spend(boris, 10, longAgo);
    expect(await remindExpiringPoints(world.deps(), now)).toBe(0);
    expect(await world.outbox('expiry-reminder:')).toEqual([]);
  });

  it('follows the programme’s reminder period, and sends none when it is 0', async () => {
    const anna = await world.aMember();
    await world.aLot(anna, 40, daysFromNow(25), longAgo);
    await world.useRules({ expiryReminderDays: 0 });
    expect(await remindExpiringPoints(world.deps(), now)).toBe(0);
    await world.useRules({ expiryReminderDays: 30 });
    expect(await remindExpiringPoints(world.deps(), now)).toBe(1);
  });

  it('speaks the member’s language with the right plural and the date in the programme time zone', async () => {
    const olga = await world.aMember({ locale: 'ru' });
    // 23:30 UTC on the 19th is already 20 November in Chisinau.
    await world.aLot(olga, 5, new Date('2026-11-19T23:30:00Z'), longAgo);
    const ion = await world.aMember({ locale: 'ro' });
    await world.aLot(ion, 1, new Date('2026-11-19T23:30:00Z'), longAgo);
    const anna = await world.aMember({ locale: 'en' });
    await world.aLot(anna, 21, new Date('2026-11-19T23:30:00Z'), longAgo);
    await remindExpiringPoints(world.deps(), now);
    const texts = Object.fromEntries(
      (await world.outbox('expiry-reminder:')).map((row) => [row.memberId, world.textOf(row)]),
    );
    expect(texts[olga]).toBe(
      'Напоминаем: 20 ноября 2026 г. сгорят 5 баллов на вашей карте. Успейте потратить их при следующей покупке!',
    );
    expect(texts[ion]).toBe(
      'Vă reamintim: la 20 noiembrie 2026 expiră 1 punct de pe cardul dumneavoastră. Folosiți-l la următoarea cumpărătură!',
    );
    expect(texts[anna]).toBe(
      'Reminder: 21 points on your card will expire on 20 November 2026. Use them on your next purchase!',
    );
  });

  it('uses the singular verb in Russian for 21 points', async () => {
    const olga = await world.aMember({ locale: 'ru' });
    await world.aLot(olga, 21, daysFromNow(2), longAgo);
    await remindExpiringPoints(world.deps(), now);
    const [row] = await world.outbox('expiry-reminder:');
    expect(world.textOf(row!)).toContain('сгорит 21 балл ');
  });

  it('holds a reminder written at night until 10:00 in the programme time zone', async () => {
    const anna = await world.aMember();
    await world.aLot(anna, 40, daysFromNow(10), longAgo);
    // 03:00 in Chisinau.
    await remindExpiringPoints(world.deps(), new Date('2026-11-10T01:00:00Z'));
    const [row] = await world.outbox('expiry-reminder:');
    expect(row!.nextAttemptAt).toEqual(new Date('2026-11-10T08:00:00Z'));
  });

  it('writes one reminder per lot when two instances run at the same moment', async () => {
    const anna = await world.aMember();
    await world.aLot(anna, 40, daysFromNow(3), longAgo);
    await world.aLot(anna, 50, daysFromNow(4), longAgo);
    const written = await Promise.all([
      remindExpiringPoints(world.deps(), now),
      remindExpiringPoints(world.secondInstance(), now),
    ]);
    expect(written[0] + written[1]).toBe(2);
    expect(await world.outbox('expiry-reminder:')).toHaveLength(2);
  });

  it('skips a member who has no chat to write to, without failing the others', async () => {
    const silent = await world.aMember({ chat: false });
    await world.aLot(silent, 40, daysFromNow(3), longAgo);
    const anna = await world.aMember();
    await world.aLot(anna, 40, daysFromNow(3), longAgo);
    expect(await remindExpiringPoints(world.deps(), now)).toBe(1);
    expect((await world.outbox('expiry-reminder:')).map((row) => row.memberId)).toEqual([anna]);
  });

  it('walks every lot in pages', async () => {
    const anna = await world.aMember();
    for (let i = 0; i < 5; i++) await world.aLot(anna, 10 + i, daysFromNow(1 + i), longAgo);
    expect(await remindExpiringPoints(world.deps({ batchSize: 2 }), now)).toBe(5);
    expect(await remindExpiringPoints(world.deps({ batchSize: 2 }), now)).toBe(0);
  });
});
