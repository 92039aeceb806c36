import { afterEach, beforeEach, expect, it } from 'vitest';
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
import { createAuditLog } from '../../../core/storage/audit/createAuditLog.ts';
import { createConversationStores } from '../../../core/storage/conversation/createConversationStores.ts';
import { memberCriteria } from '../../../core/members/memberSearch.ts';
import { createMemberDirectory } from '../../../core/storage/members/createMemberDirectory.ts';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../../../core/storage/till/createTillStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';

const now = new Date('2026-03-10T10:00:00Z');
const translator = createTranslator();
const en = translator.forLocale('en');
const victimPhone = '+37369111222';
let updates = 0;

const texts = (replies: Outbound[]) => replies.map((reply) => reply.text).join('\n');
const text = (value: string): InboundEvent => ({ kind: 'text', text: value });
const ownContact = (phone: string): InboundEvent => ({ kind: 'contact', phone, ownership: 'proven' });

describeEachProvider('who owns a phone number', (provider) => {
  let db: TestDatabase;
  let assistant: Assistant;
  const warnings: object[] = [];

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    warnings.length = 0;
    const log = { ...silentLogger, warn: (obj: object) => void warnings.push(obj) };
    assistant = createAssistant({
      ...createConversationStores(db),
      menu: assistantMenu(),
      understanding: defaultUnderstanding(),
      translator,
      desk: deskDepsFor(db, translator, defaultDeskSettings),
      settings: defaultProgramSettings,
      clock: () => now,
      log,
      points: createPointsService({ store: createPointsStore(db), translator, clock: () => now, log: silentLogger }),
      till: createTillStore(db),
    });
  });

  afterEach(async () => {
    await db.dispose();
  });

  const say = (channel: Channel, address: string, event: InboundEvent) =>
    assistant.handle({ channel, address, updateId: `${address}:${(updates += 1)}`, event });

  /** Consent, name, the phone as `phoneEvent`, then the birthday skipped. */
  async function register(channel: Channel, address: string, name: string, phoneEvent: InboundEvent) {
    await say(channel, address, text('hello'));
    await say(channel, address, { kind: 'button', payload: payload.consentAccept('en') });
    await say(channel, address, text(name));
    const afterPhone = await say(channel, address, phoneEvent);
    const done = await say(channel, address, { kind: 'button', payload: payload.skipBirthday });
    return { afterPhone, done };
  }

  const chatOf = (address: string) => db.prisma.chat.findFirstOrThrow({ where: { address } });
  const memberOfChat = async (address: string) =>
    db.prisma.member.findUniqueOrThrow({ where: { id: (await chatOf(address)).memberId! } });

  it('gives the proven owner their own card when a web visitor typed their number first', async () => {
    await register('web', 'attacker', 'Mallory', text(victimPhone));
    const attackerCard = await memberOfChat('attacker');
    expect(attackerCard).toMatchObject({ phone: victimPhone, phoneVerified: false });

    const { done } = await register('telegram', '1001', 'Victoria', ownContact(victimPhone));

    const owner = await memberOfChat('1001');
    expect(owner.id).not.toBe(attackerCard.id);
    expect(owner).toMatchObject({ name: 'Victoria', phone: victimPhone, phoneVerified: true });
    expect(texts(done)).not.toContain('Mallory');
    // The attacker keeps their own chat and card, without the number, and sees nothing of the owner's.
    const attackerNow = await memberOfChat('attacker');
    expect(attackerNow).toMatchObject({ id: attackerCard.id, phone: null });
    expect(await db.prisma.chat.count({ where: { memberId: owner.id } })).toBe(1);
    const balance = await say('web', 'attacker', { kind: 'button', payload: 'menu:balance' });
    expect(texts(balance)).not.toContain(owner.cardNumber);
    // Told to register a number they can prove, through the outbox; staff see ids only in the log.
    const notices = await db.prisma.outboxMessage.findMany({ where: { memberId: attackerCard.id } });
    expect(notices.map((row) => row.payload).join()).toContain(en('registration.phoneReleased').slice(0, 30));
    expect(warnings).toContainEqual({ releasedMemberId: attackerCard.id, claimingChatId: (await chatOf('1001')).id });
    expect(JSON.stringify(warnings)).not.toContain(victimPhone);
    const [entry, ...more] = await createAuditLog(db).page({ limit: 10 });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'system',
      action: 'phone.released',
      subject: `member:${attackerCard.id}`,
      before: { phoneEnding: victimPhone.slice(-4), phoneVerified: false },
      after: { phone: null, provenByChat: (await chatOf('1001')).id },
    });
  });

  it('finds only the proven owner by the number once it left the card that typed it', async () => {
    await register('web', 'attacker', 'Mallory', text(victimPhone));
    const directory = createMemberDirectory(db);
    const found = async (q: string) =>
      (await directory.search(memberCriteria(q, 'MD')!, { limit: 20 })).members.map((member) => member.name);
    expect(await found(victimPhone.slice(-4))).toEqual(['Mallory']);

    await register('telegram', '1001', 'Victoria', ownContact(victimPhone));

    for (const q of [victimPhone.slice(-4), victimPhone.slice(-6), victimPhone])
      expect(await found(q), q).toEqual(['Victoria']);
  });

  it('links a second messenger to a card whose number was proven', async () => {
    await register('telegram', '1001', 'Victoria', ownContact(victimPhone));
    const { afterPhone } = await register('viber', 'viber-1', 'Victoria', ownContact(victimPhone));
    expect(texts(afterPhone)).toContain(
      en('registration.linked', { name: 'Victoria', points: en('points', { count: 100 }) }),
    );
    expect((await chatOf('viber-1')).memberId).toBe((await chatOf('1001')).memberId);
    expect(await db.prisma.member.count()).toBe(1);
  });

  it('answers a typed number that is taken without saying whose it is: the owner is asked to confirm in their own chat', async () => {
    await register('telegram', '1001', 'Victoria', ownContact(victimPhone));
    const { afterPhone } = await register('web', 'attacker', 'Mallory', text(victimPhone));
    expect(texts(afterPhone)).toContain(en('linking.codeSent'));
    expect(texts(afterPhone)).not.toContain('Victoria');
    expect((await chatOf('attacker')).memberId).toBeNull();
  });

  it('refuses a sixth typed number within the hour from the same chat', async () => {
    await say('web', 'prober', text('hello'));
    await say('web', 'prober', { kind: 'button', payload: payload.consentAccept('en') });
    await say('web', 'prober', text('Mallory'));
    for (let i = 0; i < 5; i += 1) {
      await db.prisma.member.deleteMany({});
      const replies = await say('web', 'prober', text(`+3736911100${i}`));
      expect(texts(replies)).not.toContain(en('registration.tooManyPhonesTyped'));
      await db.prisma.chat.updateMany({
        where: { address: 'prober' },
        data: { state: JSON.stringify({ v: 1, step: 'phone', name: 'Mallory' }) },
      });
    }
    const sixth = await say('web', 'prober', text('+37369111009'));
    expect(texts(sixth)).toContain(en('registration.tooManyPhonesTyped'));
    expect(JSON.parse((await chatOf('prober')).state)).toMatchObject({ step: 'phone' });
  });

  it('credits the welcome bonus at enrolment only for a proven number', async () => {
    await register('web', 'typed', 'Mallory', text('+37369111333'));
    await register('telegram', '1001', 'Victoria', ownContact(victimPhone));
    expect((await memberOfChat('typed')).balance).toBe(0);
    expect((await memberOfChat('1001')).balance).toBe(100);
  });
});
