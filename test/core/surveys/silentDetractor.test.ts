// A detractor who presses a low score and then writes nothing (nor presses
// Skip) is still handed to a person: once the follow-up has waited half an
// hour, the scheduled job opens the ticket with the score, once, however
// often it runs; a comment written later joins that ticket.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DETRACTOR_SILENCE_MS } from '../../../core/surveys/openSilentDetractorTickets.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { chatState, deskPosts, ticketMessages, tickets, threadPosts } from '../desk/support/deskWorld.ts';
import {
  buttonPayloads,
  createSurveyWorld,
  HOUR_MS,
  texts,
  tr,
  type SurveyMember,
  type SurveyWorld,
} from './support/surveyWorld.ts';

const en = tr('en');
const MINUTE_MS = 60_000;

describeEachProvider('a detractor who writes no comment', (provider) => {
  let world: SurveyWorld;
  beforeEach(async () => {
    world = await createSurveyWorld(provider);
    await world.useRules({ nps: { afterPurchaseDays: 0 } });
  });
  afterEach(async () => {
    await world.dispose();
  });

  /** A member asked after a purchase who presses `score` and then goes quiet; the follow-up they got. */
  async function pressesAndGoesQuiet(score: string): Promise<{ member: SurveyMember; answeredAt: Date }> {
    const member = await world.join();
    await member.buys();
    await member.presses(await member.questionButton(score));
    return { member, answeredAt: world.now() };
  }

  it('gets a ticket with the score once the follow-up has waited half an hour, not before', async () => {
    const { answeredAt } = await pressesAndGoesQuiet('2');
    world.advance(DETRACTOR_SILENCE_MS - MINUTE_MS);
    await world.runJobs();
    expect(await tickets(world.db)).toEqual([]);
    world.advance(MINUTE_MS);
    await world.runJobs();
    const [ticket, ...more] = await tickets(world.db);
    expect(more).toEqual([]);
    expect(ticket).toMatchObject({
      reason: 'nps',
      surveyScore: 2,
      text: '',
      status: 'open',
      followUpBy: new Date(answeredAt.getTime() + 48 * HOUR_MS),
    });
    expect((await deskPosts(world.db, ticket!.id)).map((post) => post.kind)).toEqual(['ticket']);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({ followUpTicketId: ticket!.id });
  });

  it('opens one ticket however often the job runs, two instances at once included', async () => {
    await pressesAndGoesQuiet('5');
    world.advance(DETRACTOR_SILENCE_MS);
    await Promise.all([world.runJobs(), world.runJobs()]);
    world.advance(HOUR_MS);
    await world.runJobs();
    expect(await tickets(world.db)).toHaveLength(1);
    expect(await deskPosts(world.db)).toHaveLength(1);
  });

  it('adds a comment written after the ticket opened to that ticket, and puts the member through to staff', async () => {
    const { member } = await pressesAndGoesQuiet('1');
    world.advance(2 * HOUR_MS);
    await world.runJobs();
    const replies = await member.says('Nobody answered the phone');
    expect(texts(replies)).toEqual([en('desk.recorded.nps')]);
    const [ticket, ...more] = await tickets(world.db);
    expect(more).toEqual([]);
    expect((await ticketMessages(world.db, ticket!.id)).map((message) => message.text)).toEqual([
      'Nobody answered the phone',
    ]);
    expect((await threadPosts(world.db, ticket!.id)).map((post) => post.quote)).toEqual(['Nobody answered the phone']);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({
      comment: 'Nobody answered the phone',
      followUpTicketId: ticket!.id,
    });
    expect(await chatState(world.db, member)).toMatchObject({ ticket: ticket!.id });
  });

  it('opens no second ticket when the member presses Skip after the job opened one', async () => {
    const member = await world.join();
    await member.buys();
    const followUp = await member.presses(await member.questionButton('4'));
    world.advance(DETRACTOR_SILENCE_MS);
    await world.runJobs();
    const skip = buttonPayloads(followUp).find((value) => value.endsWith(':skip'))!;
    await member.presses(skip);
    await member.presses(skip);
    expect(await tickets(world.db)).toHaveLength(1);
  });

  it('leaves a detractor who commented in time to the ticket their comment opened', async () => {
    const { member } = await pressesAndGoesQuiet('3');
    world.advance(10 * MINUTE_MS);
    await member.says('Rude cashier');
    world.advance(DETRACTOR_SILENCE_MS);
    await world.runJobs();
    const all = await tickets(world.db);
    expect(all.map((ticket) => ticket.text)).toEqual(['Rude cashier']);
  });

  it('opens one ticket when the comment and the job come at the same moment, the comment in it', async () => {
    const { member } = await pressesAndGoesQuiet('0');
    world.advance(DETRACTOR_SILENCE_MS);
    await Promise.all([world.runJobs(), member.says('The order was wrong')]);
    const [ticket, ...more] = await tickets(world.db);
    expect(more).toEqual([]);
    const said = [ticket!.text, ...(await ticketMessages(world.db, ticket!.id)).map((message) => message.text)];
    expect(said).toContain('The order was wrong');
  });

  it('opens nothing for a passive or a promoter who writes no comment', async () => {
    await pressesAndGoesQuiet('7');
    await pressesAndGoesQuiet('10');
    world.advance(2 * HOUR_MS);
    await world.runJobs();
    expect(await tickets(world.db)).toEqual([]);
  });
});
