// The viber outbox lane against the stand-in's status codes: Viber answers
// HTTP 200 for its refusals, and the lane acts on the `status` in the body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViberHarness } from './support/viberHarness.ts';
import type { ViberUser } from './support/viberUser.ts';
import { eventually } from './support/eventually.ts';

const ADMIN_TOKEN = 'viber-admin-token-0123456789-abcdefghij';

let harness: ViberHarness;
let anna: ViberUser;
let receipts = 0;

beforeEach(async () => {
  harness = await ViberHarness.start({ env: { ADMIN_TOKEN }, captureLogs: true });
  anna = harness.user('AnNa01234567890A=');
  await anna.opens();
  await anna.taps('Согласен(на)');
  await anna.types('Анна');
  await anna.sharesPhone('+37369123456');
  await anna.types('29.02');
});

afterEach(async () => {
  await harness.stop();
});

async function purchase(): Promise<void> {
  const member = await harness.prisma.member.findFirstOrThrow();
  const response = await fetch(`${harness.app.url}/api/v1/purchases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ member: { card: member.cardNumber }, amount: 10_000, receiptId: `r-${++receipts}` }),
  });
  expect(response.status).toBe(201);
}

/** The purchase confirmation's row once the lane has tried it. */
function settledRow() {
  return eventually(async () => {
    const row = await harness.prisma.outboxMessage.findFirst({ where: { channel: 'viber', attempts: { gt: 0 } } });
    if (!row) return undefined;
    return row.status !== 'sending' && (row.status !== 'pending' || row.lastError) ? row : undefined;
  });
}

describe('the viber outbox lane', () => {
  it.each([
    [5, 'receiverNotRegistered'],
    [6, 'receiverNotSubscribed'],
  ])('gives up at once on status %i (%s) and marks the chat unreachable', async (status, message) => {
    harness.fake.failNext('send_message', { status, message });
    await purchase();

    const row = await settledRow();

    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    const chat = await harness.prisma.chat.findFirstOrThrow({ where: { channel: 'viber' } });
    expect(chat.unreachableAt).not.toBeNull();
  });

  it('backs off on status 12 (too many requests): the message waits for a later attempt instead of failing', async () => {
    harness.fake.failNext('send_message', { status: 12, message: 'tooManyRequests' });
    await purchase();

    const row = await settledRow();

    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/status 12/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(row.createdAt.getTime());
  });

  it('stops the lane with one error line on status 2 (bad auth token), keeping the message', async () => {
    harness.fake.failNext('send_message', { status: 2, message: 'invalidAuthToken' });
    await purchase();
    await purchase();
    await eventually(() => harness.logs.find((line) => /refused our credentials/.test(line.msg ?? '')));

    const rows = await harness.prisma.outboxMessage.findMany({ where: { channel: 'viber' } });
    expect(rows.map((row) => row.status)).toEqual(['pending', 'pending']);
    const halts = harness.logs.filter((line) => /refused our credentials/.test(line.msg ?? ''));
    expect(halts).toHaveLength(1);
    expect(String(halts[0]?.reason)).toMatch(/VIBER_AUTH_TOKEN/);
  });

  it('retries a network failure', async () => {
    harness.fake.failNext('send_message', { network: true });
    await purchase();

    const row = await settledRow();

    expect(row.status).toBe('pending');
    expect(row.lastError).toMatch(/could not be reached/);
  });
});
