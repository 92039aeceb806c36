// When a member is asked: N days after a purchase, through the outbox, never
// in the quiet hours, at most once per throttle period, never two questions
// in one day, and never when they switched surveys off.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  createSurveyWorld,
  DAY_MS,
  HOUR_MS,
  questionsSent,
  texts,
  tr,
  type SurveyWorld,
} from './support/surveyWorld.ts';

describeEachProvider('asking NPS after a purchase', (provider) => {
  let world: SurveyWorld;
  beforeEach(async () => {
    world = await createSurveyWorld(provider);
  });
  afterEach(async () => {
    await world.dispose();
  });

  it('asks three days after a purchase, with eleven buttons 0–10 in two rows', async () => {
    const member = await world.join();
    await member.buys();
    world.advance(3 * DAY_MS - HOUR_MS);
    await world.runJobs();
    expect(await questionsSent(member)).toEqual([]);
    world.advance(HOUR_MS);
    await world.runJobs();
    const [question] = await questionsSent(member);
    expect(question?.text).toBe(tr('en')('surveys.nps.question'));
    expect(question?.buttons?.map((row) => row.map((button) => button.label))).toEqual([
      ['0', '1', '2', '3', '4', '5'],
      ['6', '7', '8', '9', '10'],
    ]);
  });

  it('names the programme in the question when the rules give its name, in the member’s language', async () => {
    await world.useRules({ name: 'Luna Club', nps: { afterPurchaseDays: 0 } });
    const english = await world.join('en');
    const romanian = await world.join('ro');
    await english.buys();
    await romanian.buys();
    expect(texts(await questionsSent(english))).toEqual([
      'How likely are you to recommend Luna Club to a friend or colleague? 0 means not at all likely, 10 extremely likely.',
    ]);
    expect(texts(await questionsSent(romanian))).toEqual([
      tr('ro')('surveys.nps.questionNamed', { name: 'Luna Club' }),
    ]);
    expect(texts(await questionsSent(romanian))[0]).toContain('„Luna Club”');
  });

  it('says “us” when the programme has no name', async () => {
    await world.useRules({ name: '', nps: { afterPurchaseDays: 0 } });
    const member = await world.join('en');
    await member.buys();
    expect(texts(await questionsSent(member))).toEqual([
      'How likely are you to recommend us to a friend or colleague? 0 means not at all likely, 10 extremely likely.',
    ]);
  });

  it('asks right away, in the purchase itself, when the rule says 0 days', async () => {
    await world.useRules({ nps: { afterPurchaseDays: 0 } });
    const member = await world.join();
    await member.buys();
    expect(await questionsSent(member)).toHaveLength(1);
  });

  it('waits for 09:00 programme time when the question falls due in the quiet hours', async () => {
    await world.useRules({ nps: { afterPurchaseDays: 0 } });
    const member = await world.join();
    world.setClock(new Date('2026-03-10T20:30:00Z')); // 22:30 in Chisinau
    await member.buys();
    await world.runJobs();
    expect(await questionsSent(member)).toEqual([]);
    world.setClock(new Date('2026-03-11T06:59:00Z')); // 08:59
    await world.runJobs();
    expect(await questionsSent(member)).toEqual([]);
    world.setClock(new Date('2026-03-11T07:00:00Z')); // 09:00
    await world.runJobs();
    expect(await questionsSent(member)).toHaveLength(1);
  });

  it('asks a member once per 90 days, however often they buy', async () => {
    await world.useRules({ nps: { afterPurchaseDays: 0 } });
    const member = await world.join();
    await member.buys();
    await member.presses(await member.questionButton('9'));
    world.advance(10 * DAY_MS);
    await member.buys();
    world.advance(3 * DAY_MS);
    await world.runJobs();
    expect(await questionsSent(member)).toHaveLength(1);
    world.advance(80 * DAY_MS);
    await member.buys();
    await world.runJobs();
    expect(await questionsSent(member)).toHaveLength(2);
  });

  it('writes the question as muted, never sent, for a member who switched surveys off', async () => {
    await world.useRules({ nps: { afterPurchaseDays: 0 } });
    const member = await world.join();
    await member.presses(payload.toggleNotification('surveys'));
    await member.buys();
    const rows = (await member.outbox()).filter(({ message }) => message.text === tr('en')('surveys.nps.question'));
    expect(rows.map((row) => row.status)).toEqual(['muted']);
    expect(await world.db.prisma.surveyQuestion.findFirst()).toMatchObject({ status: 'muted' });
  });

  it('never asks two questions in one day: the store CSAT after the NPS waits for the next morning', async () => {
    await world.useRules({ nps: { afterPurchaseDays: 0 }, csat: { afterPurchase: true, afterPurchaseDays: 0 } });
    const member = await world.join();
    await member.buys({ store: 'Centru' });
    await member.presses(await member.questionButton('8'));
    await member.says('Fine');
    await world.runJobs();
    expect(texts(await questionsSent(member))).toEqual([tr('en')('surveys.nps.question')]);
    world.setClock(new Date('2026-03-11T07:00:00Z')); // 09:00 the next day
    await world.runJobs();
    expect(texts(await questionsSent(member))).toEqual([
      tr('en')('surveys.nps.question'),
      tr('en')('surveys.csat.questionAt', { store: 'Centru' }),
    ]);
  });

  it('drops a question not asked yet when its purchase is refunded', async () => {
    const member = await world.join();
    const purchaseId = await member.buys();
    await world.points.refund(purchaseId);
    world.advance(3 * DAY_MS);
    await world.runJobs();
    expect(await questionsSent(member)).toEqual([]);
  });
});
