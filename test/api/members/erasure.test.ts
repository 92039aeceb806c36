import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { payload } from '../../../core/payloads.ts';
import { quizBody } from '../../core/quizzes/support/quizApp.ts';
import { seedAnswer } from '../../support/surveyAnswers.ts';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../support/apiTestApp.ts';
import { whereFound } from './support/scanDatabase.ts';
import { webPerson } from './support/webPerson.ts';

interface ExportBody {
  member: Record<string, unknown>;
  consent: unknown;
  chats: unknown[];
  notificationMutes: unknown[];
  ledger: { kind: string }[];
  purchases: { refundedAt: string | null }[];
  tickets: { messages: unknown[] }[];
  referral: unknown;
  surveyAnswers: Record<string, unknown>[];
  quizAttempts: Record<string, unknown>[];
}

describeEachProvider('personal data: export and erasure', (provider) => {
  let api: ApiTestApp;
  let tillKey: string;
  const NAME = 'Zamfira Lungu';
  const PHONE = '+37369777001';
  const ADDRESS = `visitor-erase-${provider}`;
  const SAID = 'the coffee was cold zzqq';
  const photoDir = mkdtempSync(join(tmpdir(), 'erasure-photos-'));
  const PHOTO = `web-photo-${provider.padEnd(22, 'x')}`;
  // The phone also as search reads it, backwards (`phoneDigitsReversed`).
  const REVERSED = [...PHONE.slice(1)].reverse().join('');
  const ANSWERED_AT = new Date('2026-03-16T09:00:00Z');
  const QUIZ_STARTED_AT = new Date('2026-03-17T10:00:00Z');
  const QUIZ_FINISHED_AT = new Date('2026-03-17T10:01:00Z');
  const personal = [NAME, 'Zamfira', 'Lungu', PHONE, PHONE.slice(1), '69777001', REVERSED, ADDRESS, 'zzqq', PHOTO];

  /** A member with a history: joined in the web chat, a ticket, purchases, a refund, an adjustment, a muted topic, a code. */
  async function memberWithHistory() {
    const person = webPerson(api, ADDRESS);
    await person.joins(NAME, PHONE);
    await person.presses(payload.toggleNotification('birthday'));
    await person.opens('card');
    await person.say({ kind: 'command', command: 'complaint', payload: SAID });
    await person.say({ kind: 'text', text: `and again: ${SAID}` });
    writeFileSync(join(photoDir, PHOTO), 'the cold coffee, photographed');
    await person.say({ kind: 'photo', fileId: PHOTO, caption: 'look zzqq' });
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: PHONE } });
    const buy = (receiptId: string) =>
      api.call<{ purchaseId: string }>('POST', '/api/v1/purchases', {
        token: tillKey,
        body: { member: { card: member.cardNumber }, amount: 20_000, receiptId: `${provider}-${receiptId}` },
      });
    await buy('one');
    const refunded = await buy('two');
    await api.call('POST', `/api/v1/purchases/${refunded.body.purchaseId}/refund`, { token: tillKey });
    await api.call('POST', `/api/v1/members/${member.id}/adjustments`, {
      body: { points: 7, reason: 'Sorry' },
      idempotencyKey: `${provider}-sorry`,
    });
    await seedAnswer(api.app.db, { memberId: member.id, score: 4, at: ANSWERED_AT, store: 'Centru', comment: SAID });
    await playedQuiz(member.id);
    return { person, member };
  }

  /** A quiz the member played to its end: two of its three questions right. */
  async function playedQuiz(memberId: string): Promise<void> {
    const now = Date.now();
    const quiz = await api.call<{ id: string }>('POST', '/api/v1/quizzes', {
      body: quizBody({
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      }),
    });
    expect(quiz.status).toBe(201);
    await api.app.db.prisma.quizAttempt.create({
      data: {
        id: crypto.randomUUID(),
        quizId: quiz.body.id,
        memberId,
        startedAt: QUIZ_STARTED_AT,
        nextIndex: 3,
        score: 2,
        answerMs: 21_000,
        completedAt: QUIZ_FINISHED_AT,
        finishedBy: 'member',
        points: 20,
      },
    });
  }

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '100', WEBCHAT_PHOTO_DIR: photoDir });
    tillKey = (await api.newApiKey('Till')).key;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('exports everything held about the person as a JSON download', async () => {
    const { member } = await memberWithHistory();
    const response = await api.call<ExportBody>('GET', `/api/v1/members/${member.id}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="member-${member.id}.json"`);
    const data = response.body;
    expect(data.member).toMatchObject({ name: NAME, phone: PHONE, birthDay: 12, birthMonth: 3, birthYear: 1990 });
    expect(data.consent).toEqual({ at: expect.any(String), version: expect.any(String) });
    expect(data.chats).toEqual([expect.objectContaining({ channel: 'web', address: ADDRESS })]);
    expect(data.notificationMutes).toEqual([{ topic: 'birthday', since: expect.any(String) }]);
    expect(data.ledger.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['welcome', 'purchase', 'refund', 'adjustment']),
    );
    expect(data.purchases).toHaveLength(2);
    expect(data.purchases.filter((p) => p.refundedAt)).toHaveLength(1);
    expect(data.tickets).toHaveLength(1);
    expect(JSON.stringify(data.tickets[0]!.messages)).toContain('zzqq');
    expect(JSON.stringify(data.tickets[0]!.messages)).toContain(PHOTO);
    expect(data.referral).toMatchObject({ invitedMembers: 0 });
    expect(data.surveyAnswers).toEqual([
      {
        kind: 'nps',
        touchpoint: 'purchase',
        store: 'Centru',
        score: 4,
        comment: SAID,
        answeredAt: ANSWERED_AT.toISOString(),
      },
    ]);
    expect(data.quizAttempts).toEqual([
      {
        quizTitle: 'Coffee quiz',
        score: 2,
        questions: 3,
        points: 20,
        startedAt: QUIZ_STARTED_AT.toISOString(),
        completedAt: QUIZ_FINISHED_AT.toISOString(),
      },
    ]);
    // The scan below sees the person everywhere before the erasure: chats, tickets, outbox, stored replies.
    const tables = new Set((await whereFound(api.app.db, personal)).map((hit) => hit.split(':')[0]));
    expect([...tables]).toEqual(
      expect.arrayContaining(['Member', 'Chat', 'Ticket', 'TicketMessage', 'OutboxMessage', 'ProcessedUpdate']),
    );
  });

  it('refuses to erase unless the card number typed is the member’s own', async () => {
    const member = await api.enrol('+37369777050', { name: 'Ion Vieru' });
    const wrong = await api.call('POST', `/api/v1/members/${member.id}/erase`, {
      body: { confirmCardNumber: '1000 0000 0008' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.type).toBe('/api/problems/confirmation-mismatch');
    const bad = await api.call<{ errors: { pointer: string }[] }>('POST', `/api/v1/members/${member.id}/erase`, {
      body: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual(['/confirmCardNumber']);
    expect((await api.call('GET', `/api/v1/members/${member.id}/profile`)).status).toBe(200);
    const missing = await api.call('POST', '/api/v1/members/nobody/erase', {
      body: { confirmCardNumber: member.cardNumber },
    });
    expect(missing.status).toBe(404);
  });

  it('leaves nothing personal in any table, keeps the accounting whole, and cannot be done twice', async () => {
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: PHONE } });
    const spaced = member.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    const response = await api.call('POST', `/api/v1/members/${member.id}/erase`, {
      body: { confirmCardNumber: spaced },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ memberId: member.id, forfeitedPoints: member.balance });

    expect(await whereFound(api.app.db, personal)).toEqual([]);
    expect(existsSync(join(photoDir, PHOTO)), 'the photo file').toBe(false);
    // The card number survives only as retired, never to be issued again.
    expect((await whereFound(api.app.db, [member.cardNumber])).map((hit) => hit.split(':')[0])).toEqual([
      'RetiredCard',
    ]);
    const row = await api.app.db.prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(row).toMatchObject({
      name: '',
      phone: null,
      phoneDigitsReversed: null,
      birthDay: null,
      birthMonth: null,
      birthYear: null,
      balance: 0,
    });

    const sums = await api.app.db.prisma.ledgerEntry.groupBy({ by: ['memberId'], _sum: { delta: true } });
    for (const { memberId, _sum } of sums) {
      const { balance } = await api.app.db.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
      expect(_sum.delta, memberId).toBe(balance);
    }
    expect(await api.app.db.prisma.purchase.count({ where: { memberId: member.id } })).toBe(2);
    const last = await api.app.db.prisma.ledgerEntry.findFirstOrThrow({
      where: { memberId: member.id },
      orderBy: { seq: 'desc' },
    });
    expect(last).toMatchObject({ kind: 'erasure', delta: -member.balance, balanceAfter: 0 });

    const audit = await api.call<{ entries: { action: string }[] }>('GET', `/api/v1/audit?subject=member:${member.id}`);
    expect(audit.body.entries[0]).toMatchObject({ action: 'member.erased', actor: 'admin' });
    const again = await api.call('POST', `/api/v1/members/${member.id}/erase`, { body: { confirmCardNumber: spaced } });
    expect(again.status).toBe(410);
    for (const path of ['', '/profile', '/export'])
      expect((await api.call('GET', `/api/v1/members/${member.id}${path}`)).status, path).toBe(410);
    expect((await api.call('GET', `/api/v1/members?card=${member.cardNumber}`)).status).toBe(404);
    for (const q of ['zamfira', PHONE, PHONE.slice(-4)])
      expect((await api.call('GET', `/api/v1/members/search?q=${encodeURIComponent(q)}`)).body, q).toEqual({
        members: [],
        next: null,
      });
  });

  it('greets a returning person as a stranger, who joins anew without a second welcome bonus', async () => {
    const person = webPerson(api, ADDRESS);
    const greeting = await person.say({ kind: 'text', text: 'hello again' });
    expect(JSON.stringify(greeting)).toMatch(/consent/i);
    const joined = await person.joins(NAME, PHONE);
    expect(JSON.stringify(joined)).not.toMatch(/welcome bonus|gift/i);
    const member = await api.app.db.prisma.member.findUniqueOrThrow({ where: { phone: PHONE } });
    expect(member.balance).toBe(0);
    expect(await api.app.db.prisma.ledgerEntry.count({ where: { memberId: member.id, kind: 'welcome' } })).toBe(0);
  });

  it('keeps only a salted hash of an erased phone', async () => {
    const hashes = await api.app.db.prisma.erasedPhone.findMany();
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.phoneHash).not.toContain('69777001');
  });
});
