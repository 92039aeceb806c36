import { defaultUnderstanding } from '../../../app/understanding.ts';
import { assistantMenu } from '../../../app/assistantMenu.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../../core/assistant.ts';
import type { Channel, Inbound, InboundEvent } from '../../../core/inbound.ts';
import { silentLogger } from '../../../core/logger.ts';
import type { Outbound } from '../../../core/outbound.ts';
import { createPointsService } from '../../../core/points/pointsService.ts';
import { menuPayload, payload } from '../../../core/payloads.ts';
import type { AssistantDeps } from '../../../core/assistant.ts';
import { defaultProgramSettings, type ProgramSettings } from '../../../core/settings/programSettings.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { createReferralStore } from '../../../core/storage/referral/createReferralStore.ts';
import { createTillStore } from '../../../core/storage/till/createTillStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';
import { translator } from './support/referralWorld.ts';
import { deskDepsFor } from '../../../app/desk.ts';
import { defaultDeskSettings } from '../../../core/desk/deskSettings.ts';

const now = new Date('2026-11-10T10:00:00Z');
let updates = 0;

function inbound(channel: Channel, address: string, event: InboundEvent): Inbound {
  updates += 1;
  return { channel, address, updateId: `${address}:u${updates}`, event };
}
const text = (value: string): InboundEvent => ({ kind: 'text', text: value });
const press = (value: string): InboundEvent => ({ kind: 'button', payload: value });
const start = (value?: string): InboundEvent => ({
  kind: 'command',
  command: 'start',
  ...(value && { payload: value }),
});
const texts = (replies: Outbound[]) => replies.map((reply) => reply.text).join('\n');
const payloads = (replies: Outbound[]) =>
  replies.flatMap((reply) => reply.buttons?.flat() ?? []).flatMap((button) => button.payload ?? []);

describeEachProvider('inviting a friend', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  function assistantWith(settings: Partial<ProgramSettings> = {}, withReferrals = true): Assistant {
    const deps: AssistantDeps = {
      ...createConversationStores(db),
      menu: assistantMenu(),
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: { ...defaultProgramSettings, ...settings },
      clock: () => now,
      log: silentLogger,
      points: createPointsService({ store: createPointsStore(db), translator, clock: () => now, log: silentLogger }),
      till: createTillStore(db),
      ...(withReferrals && { referrals: createReferralStore(db) }),
    };
    return createAssistant(deps);
  }

  /** Consent (from the button the first reply offered), name, a typed phone, no birthday. */
  async function registerAfter(
    assistant: Assistant,
    channel: Channel,
    address: string,
    first: Outbound[],
    phone: string,
  ): Promise<Outbound[]> {
    const accept = payloads(first).find((raw) => raw.startsWith('consent:yes:'))!;
    await assistant.handle(inbound(channel, address, press(accept)));
    await assistant.handle(inbound(channel, address, text('Boris')));
    await assistant.handle(inbound(channel, address, text(phone)));
    return assistant.handle(inbound(channel, address, press(payload.skipBirthday)));
  }

  async function anna(assistant: Assistant): Promise<{ id: string; code: string }> {
    const first = await assistant.handle(inbound('web', 'anna', text('hello')));
    await registerAfter(assistant, 'web', 'anna', first, '069000001');
    const { id } = await db.prisma.member.findUniqueOrThrow({ where: { phone: '+37369000001' } });
    return { id, code: await createReferralStore(db).codeFor(id) };
  }

  const memberByPhone = (phone: string) => db.prisma.member.findUnique({ where: { phone } });

  it('remembers the inviter of someone who came by the Telegram deep link', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    // Her number proven (as if she had shared it): a typed one would go to whoever proves it (phoneOwnership.test.ts).
    await db.prisma.member.update({ where: { id: inviter.id }, data: { phoneVerified: true } });
    const first = await assistant.handle(inbound('telegram', '555', start(`ref_${inviter.code}`)));
    await registerAfter(assistant, 'telegram', '555', first, '069000002');
    expect((await memberByPhone('+37369000002'))?.referredById).toBe(inviter.id);
  });

  it('remembers the inviter of someone who typed /start ref_<code> in the web chat, whatever the case', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    const first = await assistant.handle(inbound('web', 'friend', start(`ref_${inviter.code.toLowerCase()}`)));
    await registerAfter(assistant, 'web', 'friend', first, '069000002');
    expect((await memberByPhone('+37369000002'))?.referredById).toBe(inviter.id);
  });

  it('keeps the invitation when the newcomer changes the language before consenting', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    const first = await assistant.handle(inbound('telegram', '555', start(`ref_${inviter.code}`)));
    const romanian = payloads(first).find((raw) => raw.startsWith('lang:ro'))!;
    const again = await assistant.handle(inbound('telegram', '555', press(romanian)));
    await registerAfter(assistant, 'telegram', '555', again, '069000002');
    const friend = await memberByPhone('+37369000002');
    expect([friend?.locale, friend?.referredById]).toEqual(['ro', inviter.id]);
  });

  it('stores nothing about an invitation before consent', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    await assistant.handle(inbound('telegram', '555', start(`ref_${inviter.code}`)));
    expect(await db.prisma.chat.count({ where: { channel: 'telegram' } })).toBe(0);
  });

  it('registers someone with an unknown code as an ordinary member', async () => {
    const assistant = assistantWith();
    const first = await assistant.handle(inbound('telegram', '555', start('ref_NOSUCH99')));
    const done = await registerAfter(assistant, 'telegram', '555', first, '069000002');
    expect(texts(done)).toContain(translator.forLocale('ru')('registration.done', { name: 'Boris' }));
    expect((await memberByPhone('+37369000002'))?.referredById).toBeNull();
  });

  it('refuses self-referral: a member opening their own link with their own number gets their own card back', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    // Her number proven: a typed one would leave her for whoever proves it (phoneOwnership.test.ts).
    await db.prisma.member.update({ where: { id: inviter.id }, data: { phoneVerified: true } });
    const first = await assistant.handle(inbound('telegram', '555', start(`ref_${inviter.code}`)));
    const accept = payloads(first).find((raw) => raw.startsWith('consent:yes:'))!;
    await assistant.handle(inbound('telegram', '555', press(accept)));
    await assistant.handle(inbound('telegram', '555', text('Anna')));
    await assistant.handle(inbound('telegram', '555', { kind: 'contact', phone: '+37369000001', ownership: 'proven' }));
    expect(await db.prisma.member.count()).toBe(1);
    expect((await memberByPhone('+37369000001'))?.referredById).toBeNull();
  });

  it('shows a member in Telegram their deep link and their code on /invite', async () => {
    const assistant = assistantWith({ botUsername: 'ShopLoyaltyBot' });
    const inviter = await anna(assistant);
    await db.prisma.chat.create({
      data: {
        id: crypto.randomUUID(),
        channel: 'telegram',
        address: '777',
        locale: 'en',
        state: JSON.stringify({ v: 1, step: 'member' }),
        consentAt: now,
        consentVersion: 'test',
        memberId: inviter.id,
      },
    });
    const reply = texts(await assistant.handle(inbound('telegram', '777', { kind: 'command', command: 'invite' })));
    expect(reply).toContain(`https://t.me/ShopLoyaltyBot?start=ref_${inviter.code}`);
    expect(reply).toContain(inviter.code);
    expect(reply).toContain('you get 200 points and your friend gets 100 points');
    expect(reply).toContain('Rewards are given for up to 5 friends every 30 days.');
  });

  it('shows a member in Viber both deep links, Viber’s first, when the deployment names both bots', async () => {
    const assistant = assistantWith({ botUsername: 'ShopLoyaltyBot', viberChatUri: 'shopbot' });
    const inviter = await anna(assistant);
    await db.prisma.chat.create({
      data: {
        id: crypto.randomUUID(),
        channel: 'viber',
        address: 'AnNaViber000000000A=',
        locale: 'en',
        state: JSON.stringify({ v: 1, step: 'member' }),
        consentAt: now,
        consentVersion: 'test',
        memberId: inviter.id,
      },
    });
    const reply = texts(
      await assistant.handle(inbound('viber', 'AnNaViber000000000A=', { kind: 'command', command: 'invite' })),
    );
    const viber = `Viber: viber://pa?chatURI=shopbot&context=ref_${inviter.code}`;
    const telegram = `Telegram: https://t.me/ShopLoyaltyBot?start=ref_${inviter.code}`;
    expect(reply).toContain('Send your friend one of these links:');
    expect(reply).toContain(viber);
    expect(reply.indexOf(viber)).toBeLessThan(reply.indexOf(telegram));
  });

  it('shows a member in the web chat the code alone, and how a friend uses it', async () => {
    const assistant = assistantWith({ botUsername: 'ShopLoyaltyBot' });
    const inviter = await anna(assistant);
    const reply = texts(await assistant.handle(inbound('web', 'anna', press(menuPayload('invite')))));
    expect(reply).not.toContain('https://t.me/');
    expect(reply).toContain(translator.forLocale('ru')('referral.invite.code', { code: inviter.code }));
    expect(reply).toContain(`/start ref_${inviter.code}`);
  });

  it('shows no link when the deployment names no bot', async () => {
    const assistant = assistantWith();
    const inviter = await anna(assistant);
    await db.prisma.chat.create({
      data: {
        id: crypto.randomUUID(),
        channel: 'telegram',
        address: '777',
        locale: 'en',
        state: JSON.stringify({ v: 1, step: 'member' }),
        consentAt: now,
        consentVersion: 'test',
        memberId: inviter.id,
      },
    });
    const reply = texts(await assistant.handle(inbound('telegram', '777', { kind: 'command', command: 'invite' })));
    expect(reply).not.toContain('https://t.me/');
    expect(reply).toContain(inviter.code);
  });

  it('says invitations are unavailable when the referral programme is not wired in', async () => {
    const assistant = assistantWith({}, false);
    await anna(assistant);
    const reply = texts(await assistant.handle(inbound('web', 'anna', { kind: 'command', command: 'invite' })));
    expect(reply).toContain(translator.forLocale('ru')('referral.unavailable'));
  });
});
