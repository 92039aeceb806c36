// Builders for tests of referrals on a real database: members enrolled the
// way registration enrols them (optionally with an invitation code), their
// purchases through the points engine at a clock the test moves, and what
// the ledger and the outbox hold afterwards.
import { asMember, askName } from '../../../../core/conversation/chatState.ts';
import { createTranslator } from '../../../../core/i18n/translator.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { silentLogger } from '../../../../core/logger.ts';
import { createPointsService } from '../../../../core/points/pointsService.ts';
import type { PurchaseOutcome } from '../../../../core/points/pointsPorts.ts';
import type { Enrolment, MemberRecord } from '../../../../core/members/membersPorts.ts';
import { programRulesSchema } from '../../../../core/program/programRules.ts';
import type { ReferralClaim } from '../../../../core/referral/referralPorts.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createPointsStore } from '../../../../core/storage/points/createPointsStore.ts';
import { createConversationStores } from '../../../../core/storage/conversation/createConversationStores.ts';
import { createReferralStore } from '../../../../core/storage/referral/createReferralStore.ts';
import { parseReplies } from '../../../../core/storage/conversation/storedReplies.ts';
import { createTestDatabase } from '../../../support/testDatabase.ts';
import { purchaseReactions } from '../../../../app/purchaseReactions.ts';

export const DAY_MS = 86_400_000;
export const start = new Date('2026-11-10T10:00:00Z');
export const translator = createTranslator();

let people = 0;

export interface Person {
  name?: string;
  locale?: Locale;
  phone?: string;
  /** The invitation code the person came with. */
  referralCode?: string;
}

/** A fresh migrated database with registration, the points engine and referrals on it. */
export async function createReferralWorld(provider: Provider) {
  const db = await createTestDatabase(provider);
  let now = start;
  const { chats, members } = createConversationStores(db);
  const pointsStore = createPointsStore(db, {}, purchaseReactions(translator));
  const points = createPointsService({ store: pointsStore, translator, clock: () => now, log: silentLogger });
  const referrals = createReferralStore(db);
  return {
    db,
    referrals,
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    // No welcome bonus unless a test asks for one: these tests count referral points alone.
    useRules: (overrides: Record<string, unknown>) =>
      pointsStore.saveRules(programRulesSchema.parse({ welcomeBonus: 0, ...overrides })),
    /** Registers a person with a web chat, as the conversation does; returns the member. */
    enrol: async (person: Person = {}): Promise<MemberRecord> => {
      people += 1;
      const chat = await chats.createChat({
        channel: 'web',
        address: `visitor-${people}-${crypto.randomUUID()}`,
        locale: person.locale ?? 'en',
        state: askName,
        consentAt: now,
        consentVersion: 'test',
      });
      const enrolment: Enrolment & ReferralClaim = {
        at: now,
        chatId: chat.id,
        chatVersion: chat.version,
        member: {
          id: crypto.randomUUID(),
          cardNumber: String(500_000_000_000 + people),
          name: person.name ?? 'Anna',
          phoneVerified: true,
          phone: person.phone ?? `+3736${String(people).padStart(7, '0')}`,
          birthday: null,
          birthdaySetAt: null,
          locale: person.locale ?? 'en',
          consentAt: now,
          consentVersion: 'test',
        },
        welcome: null,
        nextState: asMember,
        ...(person.referralCode && { referralCode: person.referralCode }),
      };
      const result = await members.enrol(enrolment);
      if (!result.ok) throw new Error(`could not enrol the test member: ${result.reason}`);
      return result.member;
    },
    buy: (
      member: MemberRecord,
      amount = 100_00,
      receiptId = `receipt-${crypto.randomUUID()}`,
    ): Promise<PurchaseOutcome> =>
      points.recordPurchase({
        member: { memberId: member.id },
        receiptId,
        amount,
        redeemPoints: 0,
        source: 'api',
        recordedBy: 'admin',
      }),
    refund: (purchaseId: string) => points.refund(purchaseId),
    /** The texts queued for a member, in the order the dispatcher claims them. */
    outboxInOrder: async (member: MemberRecord) =>
      (
        await db.prisma.outboxMessage.findMany({
          where: { memberId: member.id },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      ).map((row) => parseReplies(row.payload)?.[0]?.text ?? ''),
    referrerOf: async (member: MemberRecord) =>
      (await db.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).referredById,
    referralPoints: async (member: MemberRecord) =>
      (
        await db.prisma.ledgerEntry.findMany({
          where: { memberId: member.id, kind: 'referral' },
          orderBy: { seq: 'asc' },
        })
      ).map((e) => [e.idempotencyKey, e.delta]),
    balanceOf: async (member: MemberRecord) =>
      (await db.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).balance,
    ledgerSum: async (member: MemberRecord) =>
      (await db.prisma.ledgerEntry.aggregate({ where: { memberId: member.id }, _sum: { delta: true } }))._sum.delta ??
      0,
    outboxText: async (dedupeKey: string) => {
      const row = await db.prisma.outboxMessage.findUnique({ where: { dedupeKey } });
      return row ? { memberId: row.memberId, text: parseReplies(row.payload)?.[0]?.text } : null;
    },
    dispose: () => db.dispose(),
  };
}

export type ReferralWorld = Awaited<ReturnType<typeof createReferralWorld>>;
