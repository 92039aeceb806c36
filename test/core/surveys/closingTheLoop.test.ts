// What an answer leads to: the follow-up by group, a detractor handed to a
// person, a promoter invited to refer a friend, a double press counted once,
// a late press thanked and not counted, and the desk's rating as CSAT.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import { menuPayload } from '../../../core/payloads.ts';
import { ticketCard } from '../../../core/desk/ticketCard.ts';
import { createPrivacyStore } from '../../../core/storage/privacy/createPrivacyStore.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { ana, deskPosts, worldDeskSettings } from '../desk/support/deskWorld.ts';
import {
  buttonPayloads,
  createSurveyWorld,
  DAY_MS,
  HOUR_MS,
  texts,
  tr,
  type SurveyWorld,
} from './support/surveyWorld.ts';

const en = tr('en');

describeEachProvider('closing the loop after an NPS answer', (provider) => {
  let world: SurveyWorld;
  beforeEach(async () => {
    world = await createSurveyWorld(provider);
    await world.useRules({ nps: { afterPurchaseDays: 0, reviewUrl: 'https://maps.example.com/review' } });
  });
  afterEach(async () => {
    await world.dispose();
  });

  it('asks a detractor what disappointed them, and hands their answer to a person with a 48-hour target', async () => {
    const member = await world.join();
    await member.buys({ amount: 12_345 });
    const followUp = await member.presses(await member.questionButton('3'));
    expect(texts(followUp)).toEqual([en('surveys.followUp.detractor')]);
    const replies = await member.says('The coffee was cold and nobody cared');
    expect(texts(replies)[0]).toBe(en('desk.opened.nps', { count: worldDeskSettings.expectedWaitMinutes }));
    const ticket = await world.db.prisma.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({
      reason: 'nps',
      surveyScore: 3,
      text: 'The coffee was cold and nobody cared',
      followUpBy: new Date(world.now().getTime() + 48 * HOUR_MS),
    });
    expect((await deskPosts(world.db, ticket.id)).map((post) => post.kind)).toContain('ticket');
    const view = (await world.desk.store.view(ticket.id, 3))!;
    const card = ticketCard(view, {
      t: en,
      locale: 'en',
      timezone: 'Europe/Chisinau',
      currency: 'MDL',
      showPhone: false,
    });
    expect(card.notes).toContain(en('desk.card.npsScore', { score: 3 }));
    expect(card.notes.some((note) => note.startsWith('⏰'))).toBe(true);
    expect(card.notes).toContain(en('desk.card.lastPurchases'));
    const question = await world.db.prisma.surveyQuestion.findFirstOrThrow();
    expect(question).toMatchObject({
      score: 3,
      scoreGroup: 'detractor',
      comment: ticket.text,
      followUpTicketId: ticket.id,
    });
  });

  it('counts a score pressed while the member talks to staff, and keeps the chat with their ticket', async () => {
    const member = await world.join();
    await member.buys();
    await member.presses(menuPayload('human'));
    await member.says('Where is my order?');
    const ticket = await world.db.prisma.ticket.findFirstOrThrow();
    expect(texts(await member.presses(await member.questionButton('4')))).toEqual([en('surveys.thanks.whileTalking')]);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({ score: 4 });
    await member.says('I am still waiting');
    const messages = await world.db.prisma.ticketMessage.findMany({ where: { ticketId: ticket.id } });
    expect(messages.map((row) => row.text)).toContain('I am still waiting');
  });

  it('opens the ticket for a detractor who skips the comment too', async () => {
    const member = await world.join();
    await member.buys();
    const followUp = await member.presses(await member.questionButton('0'));
    const skip = buttonPayloads(followUp).find((value) => value.endsWith(':skip'))!;
    await member.presses(skip);
    expect(await world.db.prisma.ticket.findFirstOrThrow()).toMatchObject({ reason: 'nps', surveyScore: 0, text: '' });
  });

  it('thanks a promoter and gives them their referral link and the review page', async () => {
    const member = await world.join();
    await member.buys();
    expect(texts(await member.presses(await member.questionButton('10')))).toEqual([en('surveys.followUp.promoter')]);
    const replies = await member.says('Friendly staff');
    const code = (await world.db.prisma.member.findUniqueOrThrow({ where: { id: member.memberId } })).referralCode;
    expect(texts(replies)[0]).toBe(en('surveys.thanks.promoter'));
    expect(texts(replies)).toContain(en('surveys.review', { url: 'https://maps.example.com/review' }));
    expect(code).toBeTruthy();
    expect(texts(replies).join('\n')).toContain(en('referral.invite.code', { code }));
    expect(await world.db.prisma.ticket.count()).toBe(0);
  });

  it('asks a passive what would make it a 10 and thanks them, with no ticket', async () => {
    const member = await world.join();
    await member.buys();
    expect(texts(await member.presses(await member.questionButton('7')))).toEqual([en('surveys.followUp.passive')]);
    expect(texts(await member.says('Faster checkout'))).toEqual([en('surveys.thanks.passive')]);
    expect(await world.db.prisma.ticket.count()).toBe(0);
  });

  it('counts a double press once: the second is thanked as already counted', async () => {
    const member = await world.join();
    await member.buys();
    const nine = await member.questionButton('9');
    await member.presses(nine);
    const again = await member.presses(await member.questionButton('2'));
    expect(texts(again)).toEqual([en('surveys.alreadyCounted')]);
    const answers = await world.db.prisma.surveyQuestion.findMany({ where: { status: 'answered' } });
    expect(answers.map((row) => row.score)).toEqual([9]);
  });

  it('thanks a press after the question expired and does not count it', async () => {
    const member = await world.join();
    await member.buys();
    const button = await member.questionButton('9');
    world.advance(7 * DAY_MS);
    await world.runJobs();
    expect(texts(await member.presses(button))).toEqual([en('surveys.late')]);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({ status: 'expired', score: null });
  });

  it('forgets what a member wrote when their data is erased, keeping the bare score', async () => {
    const member = await world.join();
    await member.buys();
    await member.presses(await member.questionButton('8'));
    await member.says('Ion at the till is great');
    const card = (await world.db.prisma.member.findUniqueOrThrow({ where: { id: member.memberId } })).cardNumber;
    const erased = await createPrivacyStore(world.db).erase({
      memberId: member.memberId,
      confirmCardNumber: card,
      actor: 'admin',
      at: world.now(),
    });
    expect(erased.kind).toBe('erased');
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({ score: 8, comment: null });
  });

  it('records the desk rating after a resolved ticket as a CSAT answer of the desk', async () => {
    const member = await world.join();
    await member.presses(menuPayload('human'));
    const ticket = await world.db.prisma.ticket.findFirstOrThrow();
    await world.staff.setDeskRef(ticket.id, 'thread-1');
    await world.staff.press(deskPayload.resolve(ticket.id), ana);
    await member.presses(`rate:${ticket.id}:4`);
    await member.presses(`rate:${ticket.id}:1`);
    const csat = await world.db.prisma.surveyQuestion.findMany({ where: { kind: 'csat' } });
    expect(csat.map((row) => [row.touchpoint, row.score, row.scoreGroup, row.ticketId])).toEqual([
      ['desk', 4, 'satisfied', ticket.id],
    ]);
  });
});
