// Segments through the REST API: each filter picks exactly the members a
// marketer means (days counted on the programme's calendar, refunds taken
// back, erased members never), names are unique, every change is audited,
// and bad filters are refused with the field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';
import { createMarketingConsentStore } from '../../core/storage/marketing/createMarketingConsentStore.ts';
import { createSurveyStore } from '../../core/storage/surveys/createSurveyStore.ts';
import { groupOf, type SurveyKind } from '../../core/surveys/surveyScores.ts';

const DAY = 86_400_000;
// 12:00 in Chisinau, the default programme time zone.
const T0 = new Date('2026-09-01T09:00:00Z');

type Count = { members: number; optedIn: number; sample: { name: string; joinedAt: string }[] };
type Problem = { type: string; errors?: { pointer: string }[] };

describeEachProvider('segments API', (provider) => {
  let now = T0;
  const at = (days: number) => {
    now = new Date(T0.getTime() + days * DAY);
  };
  let api: ApiTestApp;
  let receipts = 0;
  const ids: Record<string, string> = {};
  let quizId = '';

  const buy = async (memberId: string, amount: number) => {
    const cardNumber = (await api.app.db.prisma.member.findUniqueOrThrow({ where: { id: memberId } })).cardNumber;
    const response = await api.call<{ purchaseId: string }>('POST', '/api/v1/purchases', {
      body: { member: { card: cardNumber }, amount, receiptId: `${provider}-seg-${++receipts}` },
    });
    expect(response.status).toBe(201);
    return response.body.purchaseId;
  };
  const count = async (filters: Record<string, unknown>) => {
    const response = await api.call<Count>('POST', '/api/v1/segments/count', { body: { filters } });
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = async (filters: Record<string, unknown>) =>
    (await count(filters)).sample.map((member) => member.name).sort();

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '0' }, () => now);
    const enrol = async (name: string, phone: string, locale: string) =>
      (ids[name] = (await api.enrol(phone, { name, locale })).id);
    await enrol('Anna Silver', '+37369100001', 'ru');
    // A minute later, so the sample's newest-first order does not fall to the ids.
    now = new Date(T0.getTime() + 60_000);
    await enrol('Bogdan Recent', '+37369100002', 'ro');
    await buy(ids['Anna Silver']!, 600_000);
    at(1);
    await buy(ids['Anna Silver']!, 10_000);
    at(10);
    await enrol('Dmitri Refunded', '+37369100004', 'ru');
    await enrol('Erased Person', '+37369100005', 'en');
    at(35);
    await buy(ids['Bogdan Recent']!, 20_000);
    at(38);
    const refunded = await buy(ids['Dmitri Refunded']!, 30_000);
    expect((await api.call('POST', `/api/v1/purchases/${refunded}/refund`)).status).toBe(200);
    at(40);
    await enrol('Clara New', '+37369100003', 'en');
    const erased = await api.app.db.prisma.member.findUniqueOrThrow({ where: { id: ids['Erased Person'] } });
    const erase = await api.call('POST', `/api/v1/members/${erased.id}/erase`, {
      body: { confirmCardNumber: erased.cardNumber },
    });
    expect(erase.status).toBe(200);
    // A birthday and a chat are what the chats record; written here as they store them.
    await api.app.db.prisma.member.update({ where: { id: ids['Clara New'] }, data: { birthDay: 14, birthMonth: 3 } });
    await api.app.db.prisma.chat.create({
      data: {
        id: `${provider}-chat-anna`,
        channel: 'telegram',
        address: '5550001',
        locale: 'ru',
        state: '{}',
        consentAt: T0,
        consentVersion: 'v1',
        memberId: ids['Anna Silver'],
      },
    });
    const quiz = await api.call<{ id: string }>('POST', '/api/v1/quizzes', {
      body: {
        title: { en: 'Coffee' },
        questions: [{ text: { en: 'Where from?' }, options: [{ en: 'A' }, { en: 'B' }], correct: [0] }],
        pointsPerCorrect: 1,
        perfectBonus: 0,
        secondsPerQuestion: 30,
        opensAt: T0.toISOString(),
        closesAt: new Date(T0.getTime() + 60 * DAY).toISOString(),
        published: true,
      },
    });
    quizId = quiz.body.id;
    await api.app.db.prisma.quizAttempt.create({
      data: { id: `${provider}-attempt`, quizId, memberId: ids['Bogdan Recent']!, startedAt: now },
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('counts every member but the erased for no filters, the newest first in the sample', async () => {
    const all = await count({});
    expect(all.members).toBe(4);
    expect(all.sample.map((member) => member.name)).toEqual([
      'Clara New',
      'Dmitri Refunded',
      'Bogdan Recent',
      'Anna Silver',
    ]);
  });

  it('counts apart the members who agreed to news and offers, and follows a change of mind', async () => {
    const consent = createMarketingConsentStore(api.app.db);
    const answer = (optedIn: boolean) => ({ optedIn, textVersion: 'test', source: 'settings' as const, at: now });
    await consent.record(ids['Anna Silver']!, answer(true));
    await consent.record(ids['Bogdan Recent']!, answer(true));
    expect(await count({})).toMatchObject({ members: 4, optedIn: 2 });
    expect(await count({ locales: ['ru'] })).toMatchObject({ members: 2, optedIn: 1 });
    await consent.record(ids['Bogdan Recent']!, answer(false));
    expect(await count({})).toMatchObject({ members: 4, optedIn: 1 });
  });

  it('filters by tier, language, channel, birthday month and played quiz', async () => {
    expect(await names({ tiers: ['silver'] })).toEqual(['Anna Silver']);
    expect(await names({ locales: ['ru'] })).toEqual(['Anna Silver', 'Dmitri Refunded']);
    expect(await names({ locales: ['ru', 'en'] })).toEqual(['Anna Silver', 'Clara New', 'Dmitri Refunded']);
    expect(await names({ channels: ['telegram'] })).toEqual(['Anna Silver']);
    expect(await names({ channels: ['viber'] })).toEqual([]);
    expect(await names({ birthMonths: [3, 4] })).toEqual(['Clara New']);
    expect(await names({ playedQuizzes: [quizId] })).toEqual(['Bogdan Recent']);
  });

  it('counts days since the last purchase on the programme calendar, a refunded receipt not counting', async () => {
    // Anna bought 39 days ago, Bogdan 5; Dmitri's only purchase was refunded and Clara never bought.
    expect(await names({ daysSinceLastPurchase: { min: 30 } })).toEqual(['Anna Silver']);
    expect(await names({ daysSinceLastPurchase: { max: 5 } })).toEqual(['Bogdan Recent']);
    expect(await names({ daysSinceLastPurchase: { max: 4 } })).toEqual([]);
    expect(await names({ daysSinceLastPurchase: { min: 5, max: 39 } })).toEqual(['Anna Silver', 'Bogdan Recent']);
    expect(await names({ daysSinceLastPurchase: { min: 40 } })).toEqual([]);
    expect(await names({ purchaseCount: { max: 0 } })).toEqual(['Clara New', 'Dmitri Refunded']);
    expect(await names({ purchaseCount: { min: 2 } })).toEqual(['Anna Silver']);
    expect(await names({ lifetimeSpend: { min: 20_000, max: 600_000 } })).toEqual(['Bogdan Recent']);
  });

  it('filters by the day of joining, both ends inclusive', async () => {
    expect(await names({ joined: { to: '2026-09-01' } })).toEqual(['Anna Silver', 'Bogdan Recent']);
    expect(await names({ joined: { from: '2026-09-11', to: '2026-09-11' } })).toEqual(['Dmitri Refunded']);
    expect(await names({ joined: { from: '2026-10-11' } })).toEqual(['Clara New']);
  });

  it('ANDs the filters of the issue’s example', async () => {
    const filters = {
      tiers: ['silver'],
      locales: ['ru'],
      channels: ['telegram'],
      daysSinceLastPurchase: { min: 30 },
      purchaseCount: { min: 2 },
    };
    expect(await names(filters)).toEqual(['Anna Silver']);
    expect(await names({ ...filters, locales: ['ro'] })).toEqual([]);
  });

  it('filters by the group of the latest NPS answer, a CSAT answer or an unanswered question not counting', async () => {
    const surveys = createSurveyStore(api.app.db);
    let asked = 0;
    const answers = async (name: string, kind: SurveyKind, score: number | null, id = `${provider}-q-${++asked}`) => {
      const memberId = ids[name]!;
      await api.app.db.prisma.surveyQuestion.create({
        data: {
          id,
          memberId,
          kind,
          touchpoint: 'relationship',
          dedupeKey: id,
          status: 'asked',
          locale: 'en',
          dueAt: now,
          askedAt: now,
          expiresAt: new Date(now.getTime() + 7 * DAY),
        },
      });
      if (score !== null) await answerAgain(id, name, kind, score);
      now = new Date(now.getTime() + 60_000);
      return id;
    };
    const answerAgain = (questionId: string, name: string, kind: SurveyKind, score: number) =>
      surveys.answer({
        questionId,
        memberId: ids[name]!,
        score,
        group: groupOf(kind, score),
        at: now,
        day: '2026-10-11',
      });
    // Anna was a detractor and became a promoter: the latest answer holds.
    await answers('Anna Silver', 'nps', 3);
    await answers('Anna Silver', 'nps', 10);
    await answers('Bogdan Recent', 'nps', 8);
    const dmitri = await answers('Dmitri Refunded', 'nps', 2);
    // A second press on the same question is not a new answer.
    await answerAgain(dmitri, 'Dmitri Refunded', 'nps', 10);
    await answers('Clara New', 'csat', 5);
    await answers('Clara New', 'nps', null);

    expect(await names({ npsGroups: ['promoter'] })).toEqual(['Anna Silver']);
    expect(await names({ npsGroups: ['passive'] })).toEqual(['Bogdan Recent']);
    expect(await names({ npsGroups: ['detractor'] })).toEqual(['Dmitri Refunded']);
    expect(await names({ npsGroups: ['promoter', 'passive'] })).toEqual(['Anna Silver', 'Bogdan Recent']);
    expect((await count({ npsGroups: ['promoter', 'passive', 'detractor'] })).members).toBe(3);
    expect(await names({ npsGroups: ['detractor', 'promoter'], locales: ['ru'] })).toEqual([
      'Anna Silver',
      'Dmitri Refunded',
    ]);
  });

  describe('saved segments', () => {
    it('saves, counts, renames, deletes, and audits each change', async () => {
      const created = await api.call<{ id: string; name: string }>('POST', '/api/v1/segments', {
        body: { name: 'Lapsed', filters: { daysSinceLastPurchase: { min: 30 } } },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const counted = await api.call<Count>('GET', `/api/v1/segments/${id}/count`);
      expect(counted.body.members).toBe(1);
      expect((await api.call<{ segments: { id: string }[] }>('GET', '/api/v1/segments')).body.segments).toEqual([
        expect.objectContaining({ id, name: 'Lapsed' }),
      ]);
      const renamed = await api.call('PUT', `/api/v1/segments/${id}`, {
        body: { name: 'Lapsed or new', filters: { purchaseCount: { max: 1 } } },
      });
      expect(renamed.status).toBe(200);
      expect((await api.call<Count>('GET', `/api/v1/segments/${id}/count`)).body.members).toBe(3);
      expect((await api.call('DELETE', `/api/v1/segments/${id}`)).status).toBe(200);
      expect((await api.call<Problem>('GET', `/api/v1/segments/${id}`)).body.type).toBe(
        '/api/problems/segment-not-found',
      );
      const audit = await api.call<{ entries: { action: string }[] }>(
        'GET',
        `/api/v1/audit?subject=${encodeURIComponent(`segment:${id}`)}`,
      );
      expect(audit.body.entries.map((entry) => entry.action).sort()).toEqual([
        'segment.created',
        'segment.deleted',
        'segment.updated',
      ]);
    });

    it('keeps names unique', async () => {
      const body = { name: 'Russians', filters: { locales: ['ru'] } };
      expect((await api.call('POST', '/api/v1/segments', { body })).status).toBe(201);
      const again = await api.call<Problem>('POST', '/api/v1/segments', { body });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/api/problems/segment-name-taken');
    });
  });

  it('refuses filters that cannot be meant, naming the field, and saves nothing', async () => {
    const before = await api.app.db.prisma.segment.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ tiers: ['platinum'] }, '/filters/tiers'],
      [{ daysSinceLastPurchase: { min: 10, max: 5 } }, '/filters/daysSinceLastPurchase/max'],
      [{ daysSinceLastPurchase: {} }, '/filters/daysSinceLastPurchase'],
      [{ joined: { from: '2026-10-02', to: '2026-10-01' } }, '/filters/joined/to'],
      [{ birthMonths: [13] }, '/filters/birthMonths/0'],
      [{ locales: ['de'] }, '/filters/locales/0'],
      [{ npsGroups: ['fan'] }, '/filters/npsGroups/0'],
      [{ npsGroups: [] }, '/filters/npsGroups'],
      [{ stage: 'loyal' }, '/filters'],
    ];
    for (const [filters, pointer] of cases) {
      const response = await api.call<Problem>('POST', '/api/v1/segments', { body: { name: 'Bad', filters } });
      expect(response.status, JSON.stringify(filters)).toBe(400);
      expect(response.body.errors?.map((error) => error.pointer)).toContain(pointer);
    }
    expect(await api.app.db.prisma.segment.count()).toBe(before);
  });

  it('is for the people who run campaigns: a reports key may not read segments', async () => {
    const { key } = await api.newApiKey('Reports', ['reports']);
    expect((await api.call('GET', '/api/v1/segments', { token: key })).status).toBe(403);
  });
});
