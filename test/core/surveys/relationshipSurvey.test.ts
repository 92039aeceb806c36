// A survey a marketer sends to members (a relationship survey), as the
// members meet it once the scheduler asks it: NPS or CSAT, about the
// programme as a whole, named when its rules give a name.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { createSurveySending } from '../../../core/storage/surveys/sendRelationshipSurvey.ts';
import type { SurveyKind } from '../../../core/surveys/surveyScores.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import {
  createSurveyWorld,
  questionsSent,
  texts,
  tr,
  type SurveyMember,
  type SurveyWorld,
} from './support/surveyWorld.ts';

describeEachProvider('a relationship survey', (provider) => {
  let world: SurveyWorld;
  beforeEach(async () => {
    world = await createSurveyWorld(provider);
  });
  afterEach(async () => {
    await world.dispose();
  });

  async function send(kind: SurveyKind, members: SurveyMember[]) {
    return createSurveySending(world.db).sendRelationshipSurvey({
      kind,
      audience: { memberIds: members.map((member) => member.memberId), cardNumbers: [] },
      at: world.now(),
      dueAt: world.now(),
      minDaysBetween: 30,
      sentBy: 'admin',
    });
  }

  it('asks CSAT about the programme as a whole, with five stars, and thanks the answer', async () => {
    const member = await world.join('en');
    await send('csat', [member]);
    await world.runJobs();
    const [question] = await questionsSent(member);
    expect(question?.text).toBe('How satisfied are you with us overall?');
    expect(question?.buttons?.flat().map((button) => button.label)).toEqual(['1★', '2★', '3★', '4★', '5★']);
    expect(texts(await member.presses(await member.questionButton('5★')))).toEqual([tr('en')('surveys.thanks.csat')]);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({
      kind: 'csat',
      touchpoint: 'relationship',
      score: 5,
      scoreGroup: 'satisfied',
    });
  });

  it('names the programme in both questions when its rules give a name', async () => {
    await world.useRules({ name: 'Luna Club' });
    const nps = await world.join('ru');
    const csat = await world.join('ro');
    await send('nps', [nps]);
    await send('csat', [csat]);
    await world.runJobs();
    expect(texts(await questionsSent(nps))).toEqual([tr('ru')('surveys.nps.questionNamed', { name: 'Luna Club' })]);
    expect(texts(await questionsSent(csat))).toEqual(['Cât de mulțumit sunteți de „Luna Club”, în general?']);
  });

  it('counts a member who switched surveys off as muted, and never sends them the question', async () => {
    const member = await world.join('en');
    await member.presses(payload.toggleNotification('surveys'));
    const outcome = await send('nps', [member]);
    expect(outcome).toMatchObject({ scheduled: 0, muted: 1 });
    await world.runJobs();
    expect(await questionsSent(member)).toEqual([]);
    expect(await world.db.prisma.surveyQuestion.findFirstOrThrow()).toMatchObject({ status: 'muted' });
  });
});
