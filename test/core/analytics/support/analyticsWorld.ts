// A programme's history written the way the application writes it: members
// enrolled at the till, purchases and refunds through the points engine,
// lots expired by the expiry store, each at a moment the test names. The
// roll-ups are read back as rows, so a rebuild can be compared with them.
import { createTranslator } from '../../../../core/i18n/translator.ts';
import { silentLogger } from '../../../../core/logger.ts';
import { createPointsService, type PointsService } from '../../../../core/points/pointsService.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createMemberStore } from '../../../../core/storage/members/createMemberStore.ts';
import { createExpiryStore } from '../../../../core/storage/points/createExpiryStore.ts';
import { createPointsStore } from '../../../../core/storage/points/createPointsStore.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';

export interface AnalyticsWorld {
  db: TestDatabase;
  points: PointsService;
  /** Enrols a member at `at` (ISO); `chats` gives them a web chat too; `welcome` points expire after 30 days. */
  join(at: string, options?: { welcome?: number; chats?: boolean }): Promise<string>;
  /** A purchase of `amount` minor units at `at`, paying `redeem` points; its id. */
  buy(memberId: string, at: string, amount: number, redeem?: number): Promise<string>;
  refund(purchaseId: string, at: string): Promise<void>;
  /** Expires the member's lots that are due at `at`. */
  expire(memberId: string, at: string): Promise<void>;
  /** Both roll-ups, as rows in key order. */
  rollUps(): Promise<{ days: unknown[]; months: unknown[] }>;
  dispose(): Promise<void>;
}

const translator = createTranslator();
const DAY_MS = 86_400_000;

export async function createAnalyticsWorld(provider: Provider): Promise<AnalyticsWorld> {
  const db = await createTestDatabase(provider);
  let now = new Date();
  const points = createPointsService({
    // One tier with no discount: a purchase is worth its amount, so figures can be computed by hand.
    store: createPointsStore(db, {
      welcomeBonus: 0,
      pointsLifetimeDays: 30,
      tiers: [{ code: 'bronze', threshold: 0, earnPercent: 3, discountPercent: 0 }],
    }),
    translator,
    clock: () => now,
    log: silentLogger,
  });
  const members = createMemberStore(db);
  let people = 0;
  let receipts = 0;
  return {
    db,
    points,
    join: async (at, { welcome = 0, chats = false } = {}) => {
      people += 1;
      const when = new Date(at);
      const enrolled = await members.enrolAtTill({
        at: when,
        name: `Member ${people}`,
        phone: `+37369${String(people).padStart(6, '0')}`,
        locale: 'en',
        consentVersion: 'till',
        welcome: welcome > 0 ? { points: welcome, expiresAt: new Date(when.getTime() + 30 * DAY_MS) } : null,
      });
      if (!enrolled.ok) throw new Error('The test enrolment was refused.');
      if (chats) await addChat(db, enrolled.member.id, when);
      return enrolled.member.id;
    },
    buy: async (memberId, at, amount, redeem = 0) => {
      now = new Date(at);
      receipts += 1;
      const outcome = await points.recordPurchase({
        member: { memberId },
        receiptId: `r${receipts}`,
        amount,
        redeemPoints: redeem,
        source: 'api',
        recordedBy: 'admin',
      });
      if (outcome.kind !== 'recorded') throw new Error(`The test purchase was not recorded: ${outcome.kind}.`);
      return outcome.purchase.id;
    },
    refund: async (purchaseId, at) => {
      now = new Date(at);
      const outcome = await points.refund(purchaseId);
      if (outcome.kind !== 'refunded') throw new Error(`The test refund failed: ${outcome.kind}.`);
    },
    expire: async (memberId, at) => {
      await createExpiryStore(db).expireDue(memberId, new Date(at));
    },
    rollUps: async () => ({
      days: await db.prisma.dailyFigures.findMany({ orderBy: { day: 'asc' } }),
      months: await db.prisma.memberMonth.findMany({ orderBy: [{ memberId: 'asc' }, { month: 'asc' }] }),
    }),
    dispose: () => db.dispose(),
  };
}

async function addChat(db: TestDatabase, memberId: string, at: Date): Promise<void> {
  await db.prisma.chat.create({
    data: {
      id: crypto.randomUUID(),
      channel: 'web',
      address: `visitor-${memberId}`,
      locale: 'en',
      state: '{"kind":"idle"}',
      consentAt: at,
      consentVersion: 'v1',
      memberId,
      createdAt: at,
    },
  });
}
