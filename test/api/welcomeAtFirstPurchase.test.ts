// The welcome bonus of a typed (unproven) number waits for the first purchase at a till.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { InboundEvent } from '../../core/inbound.ts';
import { payload } from '../../core/payloads.ts';
import { describeEachProvider } from '../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

describeEachProvider('the welcome bonus at the first purchase', (provider) => {
  let api: ApiTestApp;
  let updates = 0;

  beforeEach(async () => {
    api = await startApiTestApp(provider);
  });

  afterEach(async () => {
    await api.stop();
  });

  async function registerOnWeb(address: string, phone: string) {
    const say = (event: InboundEvent) =>
      api.app.assistant.handle({ channel: 'web', address, updateId: `${address}:${(updates += 1)}`, event });
    await say({ kind: 'text', text: 'hello' });
    await say({ kind: 'button', payload: payload.consentAccept('en') });
    await say({ kind: 'text', text: 'Mallory' });
    await say({ kind: 'text', text: phone });
    await say({ kind: 'button', payload: payload.skipBirthday });
    return api.app.db.prisma.member.findUniqueOrThrow({ where: { phone } });
  }

  const buy = (card: string, receiptId: string) =>
    api.call('POST', '/api/v1/purchases', { body: { member: { card }, amount: 10_000, receiptId } });

  it('credits a typed number nothing at enrolment, the bonus at the first purchase, and only once', async () => {
    const member = await registerOnWeb('visitor-1', '+37369400001');
    expect(member.balance).toBe(0);
    const first = await buy(member.cardNumber, 'first');
    expect(first.status).toBe(201);
    // 100 welcome points and 3 % of 100.00 earned.
    expect(first.body).toMatchObject({ balance: 103 });
    const second = await buy(member.cardNumber, 'second');
    expect(second.body).toMatchObject({ balance: 106 });
    const welcomes = await api.app.db.prisma.ledgerEntry.count({ where: { memberId: member.id, kind: 'welcome' } });
    expect(welcomes).toBe(1);
  });

  it('does not credit a member enrolled at the till a second welcome bonus', async () => {
    const member = await api.enrol('+37369400002');
    expect(member.balance).toBe(100);
    const first = await buy(member.cardNumber as string, 'till-first');
    expect(first.body).toMatchObject({ balance: 103 });
  });
});
