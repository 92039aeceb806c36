// One person, one member, whichever channels they use: a proven number joins
// the card it belongs to, a typed one is confirmed with a code sent to a chat
// the member already uses, and two channels registering one number at the
// same moment make one member. On SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assistantMenu } from '../../../app/assistantMenu.ts';
import { defaultUnderstanding } from '../../../app/understanding.ts';
import { deskDepsFor } from '../../../app/desk.ts';
import { createAssistant, type Assistant } from '../../../core/assistant.ts';
import { defaultDeskSettings } from '../../../core/desk/deskSettings.ts';
import { createTranslator } from '../../../core/i18n/translator.ts';
import type { Channel, InboundEvent } from '../../../core/inbound.ts';
import { silentLogger } from '../../../core/logger.ts';
import type { Outbound } from '../../../core/outbound.ts';
import { payload } from '../../../core/payloads.ts';
import { createPointsService } from '../../../core/points/pointsService.ts';
import { defaultProgramSettings } from '../../../core/settings/programSettings.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { createMemberStore } from '../../../core/storage/members/createMemberStore.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../../../core/storage/till/createTillStore.ts';
import { enqueue } from '../../../core/storage/outbox/enqueue.ts';
import { channelsPayload } from '../../../core/members/channelsMenu.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';

const start = new Date('2026-03-10T10:00:00Z');
const translator = createTranslator();
const en = translator.forLocale('en');
const PHONE = '+37369111222';
let updates = 0;

const texts = (replies: Outbound[]) => replies.map((reply) => reply.text).join('\n');
const text = (value: string): InboundEvent => ({ kind: 'text', text: value });
const ownContact = (phone: string): InboundEvent => ({ kind: 'contact', phone, ownership: 'proven' });

describeEachProvider('one member across channels', (provider) => {
  let db: TestDatabase;
  let assistant: Assistant;
  let now = start;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    now = start;
    const clock = () => now;
    assistant = createAssistant({
      ...createConversationStores(db),
      menu: assistantMenu(),
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: defaultProgramSettings,
      clock,
      log: silentLogger,
      points: createPointsService({ store: createPointsStore(db), translator, clock, log: silentLogger }),
      till: createTillStore(db),
    });
  });

  afterEach(async () => {
    await db.dispose();
  });

  const say = (channel: Channel, address: string, event: InboundEvent) =>
    assistant.handle({ channel, address, updateId: `${address}:${(updates += 1)}`, event });

  async function upToPhone(channel: Channel, address: string, name = 'Victoria') {
    await say(channel, address, text('hello'));
    await say(channel, address, { kind: 'button', payload: payload.consentAccept('en') });
    await say(channel, address, text(name));
  }

  async function register(channel: Channel, address: string, phoneEvent: InboundEvent) {
    await upToPhone(channel, address);
    const afterPhone = await say(channel, address, phoneEvent);
    const done = await say(channel, address, { kind: 'button', payload: payload.skipBirthday });
    return { afterPhone, done };
  }

  const chatOf = (channel: Channel, address: string) =>
    db.prisma.chat.findUniqueOrThrow({ where: { channel_address: { channel, address } } });
  const welcomeCredits = () => db.prisma.ledgerEntry.count({ where: { kind: 'welcome' } });
  /** The code in the notice queued to the member's Telegram chat. */
  const codeSentTo = async (address: string) => {
    const rows = await db.prisma.outboxMessage.findMany({
      where: { address, dedupeKey: { startsWith: 'link-code:' } },
    });
    return rows.map((row) => /(\d{6})/.exec(row.payload)?.[1]);
  };

  it('links a Viber chat that shares the number of a Telegram member: one card, one welcome bonus, told the balance is the same', async () => {
    await register('telegram', '1001', ownContact(PHONE));
    const { afterPhone } = await register('viber', 'v-1', ownContact(PHONE));

    expect(texts(afterPhone)).toContain(
      en('registration.linked', { name: 'Victoria', points: en('points', { count: 100 }) }),
    );
    expect((await chatOf('viber', 'v-1')).memberId).toBe((await chatOf('telegram', '1001')).memberId);
    expect(await db.prisma.member.count()).toBe(1);
    expect(await welcomeCredits()).toBe(1);
  });

  it('makes one member when two channels register the same number at the same moment', async () => {
    await upToPhone('telegram', '1001');
    await upToPhone('viber', 'v-1');
    await say('telegram', '1001', ownContact(PHONE));
    await say('viber', 'v-1', ownContact(PHONE));

    const both = await Promise.all([
      say('telegram', '1001', { kind: 'button', payload: payload.skipBirthday }),
      say('viber', 'v-1', { kind: 'button', payload: payload.skipBirthday }),
    ]);

    expect(await db.prisma.member.count()).toBe(1);
    expect(await welcomeCredits()).toBe(1);
    const member = await db.prisma.member.findFirstOrThrow();
    expect([(await chatOf('telegram', '1001')).memberId, (await chatOf('viber', 'v-1')).memberId]).toEqual([
      member.id,
      member.id,
    ]);
    const linked = both.filter((replies) => texts(replies).includes('This chat is now connected to your card'));
    expect(linked).toHaveLength(1);
  });

  it('confirms a typed number with a code sent to the chat the member already uses', async () => {
    await register('telegram', '1001', ownContact(PHONE));
    await upToPhone('web', 'visitor');

    const asked = await say('web', 'visitor', text(PHONE));
    expect(texts(asked)).toContain(en('linking.codeSent'));
    expect(texts(asked)).not.toContain('Victoria');
    const [code] = await codeSentTo('1001');
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await say('web', 'visitor', text(code === '000000' ? '111111' : '000000'));
    expect(texts(wrong)).toBe(en('linking.wrongCode'));
    const right = await say('web', 'visitor', text(code!));

    expect(texts(right)).toContain('This chat is now connected to your card');
    expect((await chatOf('web', 'visitor')).memberId).toBe((await chatOf('telegram', '1001')).memberId);
    expect(await db.prisma.member.count()).toBe(1);
  });

  it('asks for the number again when the code has expired', async () => {
    await register('telegram', '1001', ownContact(PHONE));
    await upToPhone('web', 'visitor');
    await say('web', 'visitor', text(PHONE));
    const [code] = await codeSentTo('1001');

    now = new Date(start.getTime() + 11 * 60 * 1000);
    const late = await say('web', 'visitor', text(code!));

    expect(texts(late)).toContain(en('linking.codeExpired'));
    expect((await chatOf('web', 'visitor')).memberId).toBeNull();
  });

  it('sends no code for a member enrolled at the till with no chat, and answers as for any taken number', async () => {
    const members = createMemberStore(db);
    await members.enrolAtTill({
      at: start,
      name: 'Victoria',
      phone: PHONE,
      locale: 'en',
      consentVersion: 'till',
      welcome: null,
    } as Parameters<typeof members.enrolAtTill>[0]);
    await upToPhone('web', 'visitor');

    const answer = await say('web', 'visitor', text(PHONE));

    expect(texts(answer)).toContain(en('registration.phoneTakenTyped'));
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('lets only one of two chats typing the same till link code at the same moment join the card', async () => {
    const members = createMemberStore(db);
    const enrolled = await members.enrolAtTill({
      at: start,
      name: 'Victoria',
      phone: PHONE,
      locale: 'en',
      consentVersion: 'till',
      welcome: null,
    } as Parameters<typeof members.enrolAtTill>[0]);
    if (!enrolled.ok) throw new Error('enrolment failed');
    await createTillStore(db).issueLinkCode(enrolled.member.id, 'K7M2Q9PX', new Date(start.getTime() + 60_000));
    await upToPhone('web', 'visitor-a');
    await upToPhone('viber', 'v-a');

    await Promise.all([say('web', 'visitor-a', text('k7m2-q9px')), say('viber', 'v-a', text('K7M2 Q9PX'))]);

    expect(await db.prisma.chat.count({ where: { memberId: enrolled.member.id } })).toBe(1);
  });

  describe('managing channels', () => {
    const later = (minutes: number) => (now = new Date(start.getTime() + minutes * 60 * 1000));
    const notifiedOn = async (key: string) => {
      const member = await db.prisma.member.findFirstOrThrow();
      await enqueue(db, { memberId: member.id, dedupeKey: key, message: { text: 'hello' } });
      return (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).channel;
    };

    beforeEach(async () => {
      await register('telegram', '1001', ownContact(PHONE));
      later(10);
      await register('viber', 'v-1', ownContact(PHONE));
    });

    it('shows the member every chat connected to the card', async () => {
      const [screen] = await say('telegram', '1001', { kind: 'button', payload: 'menu:channels' });

      expect(screen?.text).toContain(en('channels.thisChat', { channel: 'Telegram' }));
      expect(screen?.text).toContain(en('channels.otherChat', { channel: 'Viber' }));
    });

    it('sends notifications to the chat used most recently, unless the member chooses one', async () => {
      expect(await notifiedOn('n-1')).toBe('viber');
      later(20);
      await say('telegram', '1001', text('hello'));
      expect(await notifiedOn('n-2')).toBe('telegram');

      await say('telegram', '1001', { kind: 'button', payload: channelsPayload.notify('viber') });
      expect(await notifiedOn('n-3')).toBe('viber');
      await say('telegram', '1001', { kind: 'button', payload: channelsPayload.notify('recent') });
      expect(await notifiedOn('n-4')).toBe('telegram');
    });

    it('disconnects one chat, keeping the card, and refuses to disconnect the last one', async () => {
      const viberChat = await chatOf('viber', 'v-1');
      const [done] = await say('telegram', '1001', { kind: 'button', payload: channelsPayload.unlink(viberChat.id) });
      expect(done?.text).toContain(en('channels.unlinked', { channel: 'Viber' }));
      expect(await db.prisma.chat.count({ where: { channel: 'viber' } })).toBe(0);

      const telegramChat = await chatOf('telegram', '1001');
      const [refused] = await say('telegram', '1001', {
        kind: 'button',
        payload: channelsPayload.unlink(telegramChat.id),
      });
      expect(refused?.text).toContain(en('channels.lastOne'));
      expect((await chatOf('telegram', '1001')).memberId).not.toBeNull();
      expect((await db.prisma.member.findFirstOrThrow()).balance).toBe(100);
    });

    it('never leaves a card with no chat when two chats disconnect each other at the same moment', async () => {
      const [viberChat, telegramChat] = [await chatOf('viber', 'v-1'), await chatOf('telegram', '1001')];

      await Promise.all([
        say('telegram', '1001', { kind: 'button', payload: channelsPayload.unlink(viberChat.id) }),
        say('viber', 'v-1', { kind: 'button', payload: channelsPayload.unlink(telegramChat.id) }),
      ]);

      expect(await db.prisma.chat.count({ where: { memberId: { not: null } } })).toBe(1);
    });
  });
});
