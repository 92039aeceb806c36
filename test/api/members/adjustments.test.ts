import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../support/apiTestApp.ts';

interface Problem {
  type: string;
  errors?: { pointer: string }[];
  balance?: number;
}

describeEachProvider('points adjustments', (provider) => {
  let api: ApiTestApp;
  let phones = 0;
  const nextPhone = () => `+3736950${String(++phones).padStart(4, '0')}`;
  const adjust = (memberId: string, body: unknown, idempotencyKey?: string) =>
    api.call<Record<string, unknown> & Problem>('POST', `/api/v1/members/${memberId}/adjustments`, {
      body,
      ...(idempotencyKey && { idempotencyKey }),
    });
  /** A member who has a chat, so that messages to them are written to the outbox. */
  const memberWithChat = async (locale: string) => {
    const member = await api.enrol(nextPhone(), { locale });
    await api.app.db.prisma.chat.create({
      data: {
        id: `chat-${member.id}`,
        channel: 'web',
        address: `visitor-${member.id}`,
        locale,
        state: '{"v":1,"step":"member"}',
        consentAt: new Date(),
        consentVersion: 'v1',
        memberId: member.id,
      },
    });
    return member;
  };

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '100' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('adds points with a reason: one ledger line of kind adjustment, an audit entry, a message in the member’s language', async () => {
    const member = await memberWithChat('ru');
    const response = await adjust(member.id, { points: 25, reason: 'Извините за ожидание' }, `adj-${provider}-1`);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ memberId: member.id, delta: 25, balance: 125 });
    const ledger = await api.call<{ entries: { kind: string; delta: number }[] }>(
      'GET',
      `/api/v1/members/${member.id}/ledger`,
    );
    expect(ledger.body.entries[0]).toMatchObject({ kind: 'adjustment', delta: 25, balanceAfter: 125 });
    const audit = await api.call<{ entries: { action: string; before: unknown; after: unknown }[] }>(
      'GET',
      `/api/v1/audit?subject=member:${member.id}`,
    );
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: 'points.adjusted',
        actor: 'admin',
        before: { balance: 100 },
        after: expect.objectContaining({ balance: 125, points: 25, reason: 'Извините за ожидание' }),
      }),
    ]);
    const messages = await api.app.db.prisma.outboxMessage.findMany({ where: { memberId: member.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload).toContain('Мы начислили на вашу карту 25 баллов');
    expect(messages[0]!.payload).toContain('Причина: Извините за ожидание');
    expect(messages[0]!.payload).toContain('Баланс: 125 баллов');
  });

  it('records a double submit once', async () => {
    const member = await memberWithChat('ro');
    const body = { points: -30, reason: 'Corecție' };
    const [first, second] = await Promise.all([
      adjust(member.id, body, `adj-${provider}-twice`),
      adjust(member.id, body, `adj-${provider}-twice`),
    ]);
    expect(first.body).toEqual(second.body);
    expect(first.body).toMatchObject({ delta: -30, balance: 70 });
    const lines = await api.app.db.prisma.ledgerEntry.count({ where: { memberId: member.id, kind: 'adjustment' } });
    expect(lines).toBe(1);
    const messages = await api.app.db.prisma.outboxMessage.findMany({ where: { memberId: member.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload).toContain('Am retras de pe cardul dumneavoastră 30 de puncte');
  });

  it('refuses to take more than the balance and changes nothing', async () => {
    const member = await api.enrol(nextPhone());
    const response = await adjust(member.id, { points: -101, reason: 'Too much' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ type: '/api/problems/points-refused', balance: 100 });
    const profile = await api.call<{ member: { balance: number } }>('GET', `/api/v1/members/${member.id}/profile`);
    expect(profile.body.member.balance).toBe(100);
  });

  it('refuses 0 points, a fraction and a missing reason, naming each field', async () => {
    const member = await api.enrol(nextPhone());
    for (const [body, pointers] of [
      [{ points: 0, reason: 'x' }, ['/points']],
      [{ points: 1.5, reason: 'x' }, ['/points']],
      [{ points: 5, reason: '   ' }, ['/reason']],
      [{ points: 5 }, ['/reason']],
    ] as const) {
      const response = await adjust(member.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors!.map((e) => e.pointer)).toEqual(pointers);
    }
  });

  it('answers 404 for a member that does not exist, and 403 to an API key', async () => {
    const missing = await adjust('nobody', { points: 5, reason: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('/api/problems/member-not-found');
    const member = await api.enrol(nextPhone());
    const { key } = await api.newApiKey('Till');
    const refused = await api.call('POST', `/api/v1/members/${member.id}/adjustments`, {
      body: { points: 5, reason: 'x' },
      token: key,
    });
    expect(refused.status).toBe(403);
  });
});
