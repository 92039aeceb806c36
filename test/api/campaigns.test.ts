// Campaigns through the REST API and the web chat: what a marketer writes is
// checked before anything is sent, a start sends each consenting member one
// message in their language, the counts add up, the buttons are counted, a
// member can stop one kind of message, and results compare recipients with
// the holdout group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseLift } from '../../core/campaigns/lift.ts';
import { offersPayload } from '../../core/marketing/offersPayloads.ts';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startQuizApp, testClock, type QuizApp } from '../core/quizzes/support/quizApp.ts';
import { quizPlayer } from '../core/quizzes/support/quizPlayer.ts';

// 12:00 in Chisinau: outside the quiet hours.
const NOON = new Date('2026-12-02T10:00:00Z');

type Stats = Record<string, number | string | boolean | null> & {
  purchases: { recipients: number; holdout: number; lift: number | null; ci95: [number, number] | null };
};
type Problem = { type: string; errors?: Array<{ pointer: string; detail: string }> };

const body = (segmentId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'December offer',
  segmentId,
  messages: { en: '{name}, you have {balance} points.', ro: '{name}, aveți {balance} puncte.' },
  buttons: [{ label: { en: 'My balance', ro: 'Soldul meu' }, action: { kind: 'menu', action: 'balance' } }],
  holdoutPercent: 0,
  ...overrides,
});

describeEachProvider('campaigns API', (provider) => {
  const clock = testClock(NOON);
  let api: QuizApp;
  let segmentId = '';
  const players: Record<string, ReturnType<typeof quizPlayer>> = {};
  const memberIds: Record<string, string> = {};

  const stats = async (id: string) => (await api.call<Stats>('GET', `/api/v1/campaigns/${id}/stats`)).body;
  const sumOf = (s: Stats) =>
    ['notOptedIn', 'heldOut', 'capped', 'muted', 'queued', 'sent', 'failed', 'unreachable', 'cancelled']
      .map((key) => Number(s[key]))
      .reduce((a, b) => a + b, 0);
  const started = async (overrides: Record<string, unknown> = {}) => {
    const created = await api.call<{ id: string }>('POST', '/api/v1/campaigns', body(segmentId, overrides));
    expect(created.status).toBe(201);
    const start = await api.call<{ status: string }>('POST', `/api/v1/campaigns/${created.body.id}/start`);
    expect(start.status).toBe(200);
    // Everyone decided and every message handed to the web chat's inbox.
    await expect
      .poll(async () => {
        api.app.outbox.nudge();
        const now = await stats(created.body.id);
        return now.audienceFixed === true && now.queued === 0;
      })
      .toBe(true);
    return created.body.id;
  };

  beforeAll(async () => {
    api = await startQuizApp(provider, clock.now);
    const join = async (name: string, phone: string, locale: 'en' | 'ro', offers: boolean) => {
      const player = quizPlayer(api, `campaign-${provider}-${name}`);
      await player.joins(name, phone, locale);
      await player.presses(offersPayload(offers ? 'yes' : 'no'));
      players[name] = player;
      const chat = await api.app.db.prisma.chat.findFirstOrThrow({ where: { address: player.address } });
      memberIds[name] = chat.memberId!;
    };
    await join('Anna', '+37369200001', 'en', true);
    await join('Bogdan', '+37369200002', 'ro', true);
    await join('Clara', '+37369200003', 'en', false);
    await join('Dan', '+37369200004', 'en', true);
    const segment = await api.call<{ id: string }>('POST', '/api/v1/segments', { name: 'Everyone', filters: {} });
    segmentId = segment.body.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses what could not be sent whole, naming each field, and saves nothing', async () => {
    const noSegment = await api.call<Problem>('POST', '/api/v1/campaigns', body('no-such-segment'));
    expect(noSegment.status).toBe(404);
    expect(noSegment.body.type).toBe('/api/problems/segment-not-found');
    const refused = await api.call<Problem>('POST', '/api/v1/campaigns', {
      ...body(segmentId),
      messages: { en: `${'a'.repeat(1020)} {name}`, ru: 'Привет, {имя}' },
      imageUrl: 'https://example.com/offer.png',
      buttons: [{ label: { en: 'Play' }, action: { kind: 'quiz', quizId: 'no-such-quiz' } }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.pointer).sort()).toEqual([
      '/buttons/0/action/quizId',
      '/messages/en',
    ]);
    const http = await api.call<Problem>('POST', '/api/v1/campaigns', {
      ...body(segmentId),
      imageUrl: 'http://example.com/a.png',
    });
    expect(http.status).toBe(400);
    expect(http.body.errors?.[0]?.pointer).toBe('/imageUrl');
    const placeholder = await api.call<Problem>('POST', '/api/v1/campaigns', {
      ...body(segmentId),
      messages: { en: 'Hi {nmae}' },
    });
    expect(placeholder.body.errors?.[0]).toMatchObject({ pointer: '/messages/en' });
    expect(placeholder.body.errors?.[0]?.detail).toContain('{nmae}');
    expect(await api.app.db.prisma.campaign.count()).toBe(0);
  });

  it('sends each consenting member one message in their language, and the counts add up', async () => {
    const id = await started();
    // The scheduled job sees every message handed over and ends the campaign.
    await api.runJobs();
    const figures = await stats(id);
    expect(figures).toMatchObject({ status: 'done', segment: 4, notOptedIn: 1, sent: 3, heldOut: 0 });
    expect(sumOf(figures)).toBe(figures.segment);
    const rows = await api.app.db.prisma.outboxMessage.findMany({ where: { campaignId: id } });
    const texts = Object.fromEntries(
      rows.map((row) => [row.memberId, (JSON.parse(row.payload) as Array<{ text: string }>)[0]!.text]),
    );
    expect(texts[memberIds.Anna!]).toMatch(/^Anna, you have \d+ points\.$/);
    expect(texts[memberIds.Bogdan!]).toMatch(/^Bogdan, aveți \d+ puncte\.$/);
    expect(texts[memberIds.Clara!]).toBeUndefined();
    // Starting again is starting once.
    const again = await api.call<{ status: string }>('POST', `/api/v1/campaigns/${id}/start`);
    expect(again.body.status).toBe('done');
    await api.runJobs();
    expect(await api.app.db.prisma.outboxMessage.count({ where: { campaignId: id } })).toBe(3);
  });

  it('counts a press on the message’s button and answers with the screen it leads to', async () => {
    const id = await started({ name: 'With a button' });
    const sent = await api.app.db.prisma.outboxMessage.findFirstOrThrow({
      where: { campaignId: id, memberId: memberIds.Anna },
    });
    const [message] = JSON.parse(sent.payload) as Array<{ buttons: Array<Array<{ label: string; payload: string }>> }>;
    const button = message!.buttons[0]![0]!;
    expect(button.label).toBe('My balance');
    const reply = await players.Anna!.presses(button.payload);
    expect(reply[0]?.text).toMatch(/points/i);
    await players.Anna!.presses(button.payload);
    expect((await stats(id)).buttonPresses).toBe(1);
  });

  it('lets a member stop one kind of message with one tap, and keeps the others coming', async () => {
    // A new week, so the frequency cap does not speak first.
    clock.advance(8 * 86_400_000);
    const reply = await players.Dan!.presses(offersPayload('stop', 'offers'));
    expect(reply[0]?.text).toContain('Special offers');
    const offers = await started({ name: 'Another offer' });
    expect((await stats(offers)).muted).toBe(1);
    const news = await started({ name: 'Our news', category: 'news' });
    const reached = await api.app.db.prisma.outboxMessage.findMany({ where: { campaignId: news } });
    expect(reached.map((row) => row.memberId)).toContain(memberIds.Dan);
    // The same switch turns it back on from the settings.
    await players.Dan!.presses(offersPayload('on', 'offers'));
    expect(await api.app.db.prisma.notificationMute.count({ where: { memberId: memberIds.Dan } })).toBe(0);
  });

  it('compares the purchases of recipients with the holdout group’s', async () => {
    clock.advance(8 * 86_400_000);
    const id = await started({ name: 'Measured', holdoutPercent: 50 });
    const recipients = await api.app.db.prisma.campaignRecipient.findMany({ where: { campaignId: id } });
    const queued = recipients.filter((row) => row.outcome === 'queued').map((row) => row.memberId);
    const heldOut = recipients.filter((row) => row.outcome === 'held-out').map((row) => row.memberId);
    expect(queued.length + heldOut.length).toBe(3);
    let receipt = 0;
    for (const memberId of [queued[0], heldOut[0]].filter(Boolean)) {
      const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
      const purchase = await api.call('POST', '/api/v1/purchases', {
        member: { card: member.cardNumber },
        amount: 25_000,
        receiptId: `${provider}-campaign-${++receipt}`,
      });
      expect(purchase.status).toBe(201);
    }
    const figures = await stats(id);
    const expected = purchaseLift(
      { hits: queued.length > 0 ? 1 : 0, total: queued.length },
      { hits: heldOut.length > 0 ? 1 : 0, total: heldOut.length },
    );
    expect(figures.purchases.recipients).toBe(queued.length > 0 ? 1 : 0);
    expect(figures.purchases.holdout).toBe(heldOut.length > 0 ? 1 : 0);
    expect(figures.purchases.lift).toBe(expected?.lift ?? null);
    expect(figures.purchases.ci95).toEqual(expected?.ci95 ?? null);
  });

  it('pauses, resumes and cancels, and refuses a command the state does not allow', async () => {
    // A campaign scheduled for tomorrow waits; it can still be changed or cancelled.
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const created = await api.call<{ id: string }>('POST', '/api/v1/campaigns', body(segmentId, { sendAt: tomorrow }));
    const id = created.body.id;
    expect((await api.call<{ status: string }>('POST', `/api/v1/campaigns/${id}/start`)).body.status).toBe('scheduled');
    expect((await api.call('POST', `/api/v1/campaigns/${id}/pause`)).status).toBe(409);
    const changed = await api.call(
      'PUT',
      `/api/v1/campaigns/${id}`,
      body(segmentId, { sendAt: tomorrow, name: 'Renamed' }),
    );
    expect(changed.status).toBe(200);
    const cancelled = await api.call<{ status: string }>('POST', `/api/v1/campaigns/${id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api.call<Problem>('POST', `/api/v1/campaigns/${id}/resume`)).body.type).toBe(
      '/api/problems/campaign-wrong-status',
    );
    expect((await api.call('PUT', `/api/v1/campaigns/${id}`, body(segmentId))).status).toBe(409);
    expect((await api.call('DELETE', `/api/v1/campaigns/${id}`)).status).toBe(409);
    expect((await api.call('GET', '/api/v1/campaigns/no-such-campaign/stats')).status).toBe(404);
  });

  it('previews the message in every language for a real member of the segment', async () => {
    const preview = await api.call<{
      member: { name: string; example: boolean };
      previews: Array<{ locale: string; text: string; buttons: string[] }>;
      problems: unknown[];
    }>('POST', '/api/v1/campaigns/preview', {
      segmentId,
      messages: { en: 'Hi {name}!', ro: 'Salut, {name}!' },
      buttons: [],
    });
    expect(preview.status).toBe(200);
    expect(preview.body.member.example).toBe(false);
    const name = preview.body.member.name;
    expect(preview.body.previews.find((one) => one.locale === 'ro')).toMatchObject({
      text: `Salut, ${name}!`,
      buttons: ['🔕 Nu mai trimiteți astfel de mesaje'],
    });
    expect(preview.body.problems).toEqual([]);
  });
});

describe('the campaigns routes in the OpenAPI document', () => {
  it('are declared', async () => {
    const api = await startQuizApp('sqlite', () => NOON);
    try {
      const document = (await api.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json')).body;
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/campaigns', '/api/v1/campaigns/{id}/stats', '/api/v1/campaigns/{id}/pause']),
      );
    } finally {
      await api.stop();
    }
  });
});
