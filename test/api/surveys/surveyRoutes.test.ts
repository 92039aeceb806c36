// The surveys' REST API over real HTTP: sending a relationship survey, the
// NPS and CSAT reports and the comments, with their refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../support/apiTestApp.ts';
import { seedAnswer } from '../../support/surveyAnswers.ts';
import { payload } from '../../../core/payloads.ts';
import { webPerson } from '../members/support/webPerson.ts';

const now = new Date('2026-03-20T10:00:00Z');

describeEachProvider('the surveys API', (provider) => {
  let api: ApiTestApp;
  beforeAll(async () => {
    api = await startApiTestApp(provider, {}, () => now);
  });
  afterAll(async () => {
    await api.stop();
  });

  let phones = 0;
  /** An answer as the chat records it (a null score: asked, left to expire); by default a few days ago. */
  async function answer(memberId: string, fields: Record<string, unknown>) {
    const pick = <T>(name: string) => (fields[name] ?? undefined) as T | undefined;
    await seedAnswer(api.app.db, {
      memberId,
      score: (fields.score as number | null | undefined) ?? null,
      at: pick<Date>('answeredAt') ?? new Date('2026-03-16T09:00:00Z'),
      ...(pick<'csat'>('kind') && { kind: pick<'csat'>('kind') }),
      ...(pick<'desk'>('touchpoint') && { touchpoint: pick<'desk'>('touchpoint') }),
      ...(pick<string>('store') && { store: pick<string>('store') }),
      ...(pick<string>('comment') && { comment: pick<string>('comment') }),
      ...(pick<string>('followUpTicketId') && { followUpTicketId: pick<string>('followUpTicketId') }),
    });
  }

  /** A member who joined in the web chat, so there is a chat to ask them in. */
  async function chatMember(phone: string) {
    const person = webPerson(api, `survey-send-${provider}-${phone}`);
    await person.joins('Maria Rusu', phone);
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone } });
    return { person, member };
  }

  describe('POST /api/v1/surveys', () => {
    it('schedules nobody without a chat and says why, per member', async () => {
      const member = await api.enrol('+37369100001');
      const response = await api.call('POST', '/api/v1/surveys', {
        body: { kind: 'nps', memberIds: [member.id, 'no-such-member'] },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        scheduled: 0,
        muted: 0,
        skipped: { throttled: 0, noChat: 1, alreadyScheduled: 0, unknownMember: 1 },
      });
      const audit = await api.call<{ entries: { action: string; actor: string }[] }>('GET', '/api/v1/audit?limit=5');
      expect(audit.body.entries.map((entry) => [entry.action, entry.actor])).toContainEqual(['survey.sent', 'admin']);
    });

    it('refuses both a member list and a segment, and changes nothing', async () => {
      const before = await api.app.db.prisma.surveyQuestion.count();
      const response = await api.call('POST', '/api/v1/surveys', {
        body: { kind: 'nps', memberIds: ['a'], segment: 'all' },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await api.app.db.prisma.surveyQuestion.count()).toBe(before);
    });

    it('asks members named by card number or id once each, counting the muted, the throttled and the unknown', async () => {
      const asked = await chatMember('+37369300001');
      const muted = await chatMember('+37369300002');
      await muted.person.presses(payload.toggleNotification('surveys'));
      const throttled = await chatMember('+37369300003');
      await answer(throttled.member.id, { score: 9, answeredAt: new Date(now.getTime() - 5 * 86_400_000) });
      const spaced = asked.member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
      const response = await api.call('POST', '/api/v1/surveys', {
        body: {
          kind: 'nps',
          memberIds: [asked.member.id, muted.member.id, throttled.member.id],
          cardNumbers: [spaced, '9999 9999 9999'],
        },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        scheduled: 1,
        muted: 1,
        skipped: { throttled: 1, noChat: 0, alreadyScheduled: 0, unknownMember: 1 },
      });
      const scheduled = await api.app.db.prisma.surveyQuestion.findMany({
        where: { touchpoint: 'relationship', status: 'scheduled', kind: 'nps' },
      });
      expect(scheduled.map((question) => question.memberId).sort()).toEqual([asked.member.id, muted.member.id].sort());
    });

    it('asks a saved segment’s members as they match now, and refuses a segment that does not exist', async () => {
      const romanian = webPerson(api, `survey-segment-${provider}-ro`);
      await romanian.joins('Ion Rusu', '+37369300011', '12.03.1990', 'ro');
      const english = webPerson(api, `survey-segment-${provider}-en`);
      await english.joins('Emma Stone', '+37369300012', '12.03.1990', 'en');
      const segment = await api.call<{ id: string }>('POST', '/api/v1/segments', {
        body: { name: 'Romanian speakers, surveyed', filters: { locales: ['ro'], joined: { from: '2026-03-20' } } },
      });
      const response = await api.call('POST', '/api/v1/surveys', {
        body: { kind: 'csat', segmentId: segment.body.id },
      });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ scheduled: 1, muted: 0 });
      const asked = await api.app.db.prisma.surveyQuestion.findMany({
        where: {
          touchpoint: 'relationship',
          kind: 'csat',
          member: { phone: { in: ['+37369300011', '+37369300012'] } },
        },
        select: { member: { select: { phone: true } } },
      });
      expect(asked.map((question) => question.member.phone)).toEqual(['+37369300011']);

      const before = await api.app.db.prisma.surveyQuestion.count();
      const unknown = await api.call<{ errors: { pointer: string }[] }>('POST', '/api/v1/surveys', {
        body: { kind: 'nps', segmentId: 'no-such-segment' },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((error) => error.pointer)).toEqual(['/segmentId']);
      const both = await api.call('POST', '/api/v1/surveys', {
        body: { kind: 'nps', segmentId: segment.body.id, segment: 'all' },
      });
      expect(both.status).toBe(400);
      expect(await api.app.db.prisma.surveyQuestion.count()).toBe(before);
    });

    it('sends CSAT too, throttled apart from NPS', async () => {
      const { member } = await chatMember('+37369300004');
      const body = { kind: 'csat', cardNumbers: [member.cardNumber] };
      const first = await api.call('POST', '/api/v1/surveys', { body });
      expect(first.body).toMatchObject({ scheduled: 1 });
      const again = await api.call('POST', '/api/v1/surveys', { body });
      expect(again.body).toMatchObject({ scheduled: 0, skipped: { alreadyScheduled: 1 } });
      const nps = await api.call('POST', '/api/v1/surveys', { body: { ...body, kind: 'nps' } });
      expect(nps.body).toMatchObject({ scheduled: 1 });
    });

    it.each([
      ['a kind it does not know', { kind: 'ces', segment: 'all' }, '/kind'],
      ['a card number of 11 digits', { kind: 'nps', cardNumbers: ['1000 0000 000'] }, '/cardNumbers/0'],
      ['neither members nor a segment', { kind: 'nps' }, ''],
      ['card numbers and a segment', { kind: 'nps', cardNumbers: ['100000000008'], segment: 'all' }, ''],
    ])('refuses %s, and changes nothing', async (_name, body, pointer) => {
      const before = await api.app.db.prisma.surveyQuestion.count();
      const response = await api.call<{ errors: { pointer: string }[] }>('POST', '/api/v1/surveys', { body });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error) => error.pointer)).toContain(pointer);
      expect(await api.app.db.prisma.surveyQuestion.count()).toBe(before);
    });

    it('is not for a reports key', async () => {
      const key = await api.newApiKey('Reports', ['reports']);
      const response = await api.call('POST', '/api/v1/surveys', {
        body: { kind: 'nps', segment: 'all' },
        token: key.key,
      });
      expect(response.status).toBe(403);
    });
  });

  describe('the reports', () => {
    beforeEach(async () => {
      await api.app.db.prisma.surveyQuestion.deleteMany();
      await api.app.db.prisma.surveyDailyScore.deleteMany();
      await api.app.db.prisma.surveyDailyAsked.deleteMany();
    });

    it('counts 0, 6 as detractors, 7, 8 as passives, 9, 10 as promoters, with the distribution and the response rate', async () => {
      const { id } = await api.enrol(`+3736920${String((phones += 1)).padStart(4, '0')}`);
      for (const score of [0, 6, 7, 8, 9, 10, 10])
        await answer(id, { score, scoreGroup: score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor' });
      await answer(id, { status: 'expired', answeredAt: null, answeredDay: null, score: null });
      const response = await api.call<Record<string, unknown>>(
        'GET',
        '/api/v1/reports/nps?from=2026-03-01&to=2026-03-20',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        detractors: 2,
        passives: 2,
        promoters: 3,
        responses: 7,
        nps: 14,
        asked: 8,
      });
      expect(response.body.responseRate).toBeCloseTo(7 / 8, 3);
      const distribution = response.body.distribution as { score: number; count: number }[];
      expect(distribution.map((d) => d.count)).toEqual([1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
    });

    it('groups by week (Mondays, programme time) and by store', async () => {
      const { id } = await api.enrol(`+3736911${String((phones += 1)).padStart(4, '0')}`);
      await answer(id, {
        score: 10,
        scoreGroup: 'promoter',
        store: 'Centru',
        answeredAt: new Date('2026-03-09T08:00:00Z'),
      });
      await answer(id, {
        score: 2,
        scoreGroup: 'detractor',
        store: 'Botanica',
        answeredAt: new Date('2026-03-15T20:00:00Z'),
      });
      await answer(id, {
        score: 9,
        scoreGroup: 'promoter',
        store: 'Centru',
        answeredAt: new Date('2026-03-16T08:00:00Z'),
      });
      const weeks = await api.call<{ groups: { key: string; nps: number; responses: number }[] }>(
        'GET',
        '/api/v1/reports/nps?from=2026-03-01&to=2026-03-20&groupBy=week',
      );
      expect(weeks.body.groups.map((g) => [g.key, g.responses, g.nps])).toEqual([
        ['2026-03-09', 2, 0],
        ['2026-03-16', 1, 100],
      ]);
      const stores = await api.call<{ groups: { key: string; nps: number }[] }>(
        'GET',
        '/api/v1/reports/nps?from=2026-03-01&to=2026-03-20&groupBy=store',
      );
      expect(stores.body.groups.map((g) => [g.key, g.nps])).toEqual([
        ['Centru', 100],
        ['Botanica', -100],
      ]);
    });

    it('reports CSAT per store for purchases, apart from the desk', async () => {
      const { id } = await api.enrol(`+3736912${String((phones += 1)).padStart(4, '0')}`);
      const csat = (score: number, touchpoint: string, store?: string) =>
        answer(id, { kind: 'csat', touchpoint, score, scoreGroup: score >= 4 ? 'satisfied' : 'dissatisfied', store });
      await csat(5, 'purchase', 'Centru');
      await csat(4, 'purchase', 'Centru');
      await csat(2, 'purchase', 'Botanica');
      await csat(1, 'desk');
      const response = await api.call<{ csat: number; responses: number; groups: { key: string; csat: number }[] }>(
        'GET',
        '/api/v1/reports/csat?touchpoint=purchase&groupBy=store&from=2026-03-01',
      );
      expect(response.body).toMatchObject({ csat: 67, responses: 3 });
      expect(response.body.groups.map((g) => [g.key, g.csat])).toEqual([
        ['Centru', 100],
        ['Botanica', 0],
      ]);
      const desk = await api.call<{ csat: number }>('GET', '/api/v1/reports/csat?touchpoint=desk&from=2026-03-01');
      expect(desk.body.csat).toBe(0);
    });

    it('lists comments by group, newest first, with the ticket a detractor opened, page by page', async () => {
      const { id } = await api.enrol(`+3736913${String((phones += 1)).padStart(4, '0')}`);
      await answer(id, {
        score: 2,
        scoreGroup: 'detractor',
        comment: 'Cold coffee',
        followUpTicketId: 't-1',
        answeredAt: new Date('2026-03-15T08:00:00Z'),
      });
      await answer(id, {
        score: 3,
        scoreGroup: 'detractor',
        comment: 'Long queue',
        answeredAt: new Date('2026-03-16T08:00:00Z'),
      });
      await answer(id, {
        score: 10,
        scoreGroup: 'promoter',
        comment: 'Lovely',
        answeredAt: new Date('2026-03-17T08:00:00Z'),
      });
      const first = await api.call<{
        comments: { comment: string; ticketId: string | null }[];
        nextCursor: string | null;
      }>('GET', '/api/v1/reports/nps/comments?group=detractor&limit=1');
      expect(first.body.comments.map((c) => c.comment)).toEqual(['Long queue']);
      const second = await api.call<{
        comments: { comment: string; ticketId: string | null }[];
        nextCursor: string | null;
      }>('GET', `/api/v1/reports/nps/comments?group=detractor&limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.comments).toMatchObject([{ comment: 'Cold coffee', ticketId: 't-1' }]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses a range that ends before it starts, and an unknown grouping', async () => {
      expect((await api.call('GET', '/api/v1/reports/nps?from=2026-03-10&to=2026-03-01')).status).toBe(400);
      expect((await api.call('GET', '/api/v1/reports/nps?groupBy=colour')).status).toBe(400);
      expect((await api.call('GET', '/api/v1/reports/csat?touchpoint=phone')).status).toBe(400);
    });

    it('are for reports keys, not till keys', async () => {
      const till = await api.newApiKey('Till', ['till']);
      expect((await api.call('GET', '/api/v1/reports/nps', { token: till.key })).status).toBe(403);
      const reports = await api.newApiKey('Reports 2', ['reports']);
      expect((await api.call('GET', '/api/v1/reports/nps', { token: reports.key })).status).toBe(200);
    });
  });

  it('records the store and till a purchase names', async () => {
    const member = await api.enrol('+37369100099');
    const response = await api.call('POST', '/api/v1/purchases', {
      body: {
        member: { card: member.cardNumber },
        amount: 5000,
        receiptId: 'store-test-1',
        store: 'Centru',
        till: 'till-2',
      },
    });
    expect(response.status).toBe(201);
    const purchase = await api.app.db.prisma.purchase.findUniqueOrThrow({ where: { receiptId: 'store-test-1' } });
    expect([purchase.store, purchase.till]).toEqual(['Centru', 'till-2']);
  });
});
