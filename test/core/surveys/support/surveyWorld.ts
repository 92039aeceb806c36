// Surveys as a member and staff meet them: the assistant, the staff desk, the
// points engine with every purchase reaction, and the surveys' scheduled jobs,
// built the way the application builds them on a fresh database, with a clock
// the test moves. Members register through the bot on Telegram; what the
// system sends them on its own is read back from the outbox.
import { assistantMenu } from '../../../../app/assistantMenu.ts';
import { deskDepsFor } from '../../../../app/desk.ts';
import { purchaseReactions } from '../../../../app/purchaseReactions.ts';
import { defaultUnderstanding } from '../../../../app/understanding.ts';
import { createAssistant, type Assistant } from '../../../../core/assistant.ts';
import type { DeskDeps } from '../../../../core/desk/deskPorts.ts';
import { createStaffDesk, type StaffDesk } from '../../../../core/desk/staffDesk.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { silentLogger } from '../../../../core/logger.ts';
import type { Outbound } from '../../../../core/outbound.ts';
import { createPointsService, type PointsService } from '../../../../core/points/pointsService.ts';
import { programRulesSchema } from '../../../../core/program/programRules.ts';
import { defaultProgramSettings } from '../../../../core/settings/programSettings.ts';
import type { Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createConversationStores } from '../../../../core/storage/conversation/createConversationStores.ts';
import { parseReplies } from '../../../../core/storage/conversation/storedReplies.ts';
import { createPointsStore } from '../../../../core/storage/points/createPointsStore.ts';
import { createReferralStore } from '../../../../core/storage/referral/createReferralStore.ts';
import { createSurveyStore } from '../../../../core/storage/surveys/createSurveyStore.ts';
import { createTillStore } from '../../../../core/storage/till/createTillStore.ts';
import { surveysJobs } from '../../../../core/surveys/surveysJobs.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';
import { customerOn, register, translator, worldDeskSettings, type Customer } from '../../desk/support/deskWorld.ts';

export { buttonPayloads, texts, tr } from '../../desk/support/deskWorld.ts';

/** A weekday morning in Chisinau: 10:00 local (UTC+2). */
export const start = new Date('2026-03-10T08:00:00Z');
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface SurveyWorld {
  db: TestDatabase;
  desk: DeskDeps;
  assistant: Assistant;
  staff: StaffDesk;
  points: PointsService;
  now(): Date;
  /** Moves the clock on by `ms`, or to a moment. */
  advance(ms: number): void;
  setClock(at: Date): void;
  /** Saves programme rules over the defaults (no welcome bonus, so points do not get in the way). */
  useRules(overrides: Record<string, unknown>): Promise<void>;
  join(locale?: Locale): Promise<SurveyMember>;
  /** The surveys' scheduled jobs, once, at the clock's time. */
  runJobs(): Promise<void>;
  dispose(): Promise<void>;
}

export type SurveyMember = Customer & {
  memberId: string;
  buys(options?: { amount?: number; store?: string }): Promise<string>;
  /** What the outbox holds for their chat, oldest first, with each row's status. */
  outbox(): Promise<{ status: string; message: Outbound }[]>;
  /** The payload of the button labelled `label` in the last question sent to them. */
  questionButton(label: string): Promise<string>;
};

let worlds = 0;

export async function createSurveyWorld(provider: Provider): Promise<SurveyWorld> {
  const db = await createTestDatabase(provider);
  let now = start;
  const clock = () => now;
  const desk = deskDepsFor(db, translator, worldDeskSettings, () => true);
  const pointsStore = createPointsStore(db, {}, purchaseReactions(translator, defaultProgramSettings.timezone));
  const points = createPointsService({ store: pointsStore, translator, clock, log: silentLogger });
  const surveys = createSurveyStore(db);
  const assistant = createAssistant({
    ...createConversationStores(db),
    menu: assistantMenu(),
    understanding: defaultUnderstanding(),
    translator,
    desk,
    settings: defaultProgramSettings,
    clock,
    log: silentLogger,
    points,
    till: createTillStore(db),
    referrals: createReferralStore(db),
    surveys: { store: surveys },
  });
  const staff = createStaffDesk({
    desk,
    translator,
    settings: defaultProgramSettings,
    loadRules: points.rules,
    clock,
    log: silentLogger,
  });
  const jobs = surveysJobs({
    translator,
    settings: defaultProgramSettings,
    loadRules: points.rules,
    log: silentLogger,
    surveys,
    desk,
  });
  worlds += 1;
  const world = worlds;
  let members = 0;
  let receipts = 0;
  return {
    db,
    desk,
    assistant,
    staff,
    points,
    now: clock,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    setClock: (at) => {
      now = at;
    },
    useRules: (overrides) => pointsStore.saveRules(programRulesSchema.parse({ welcomeBonus: 0, ...overrides })),
    join: async (locale = 'en') => {
      members += 1;
      const customer = customerOn(assistant, {
        address: `7${world}0${members}`,
        name: ['Anna', 'Boris', 'Ion', 'Maria'][members % 4]!,
        phone: `0691235${String(members).padStart(2, '0')}`,
        locale,
      });
      await register(customer);
      const chat = await db.prisma.chat.findUniqueOrThrow({
        where: { channel_address: { channel: 'telegram', address: customer.address } },
      });
      const memberId = chat.memberId!;
      const outbox = async () =>
        (
          await db.prisma.outboxMessage.findMany({
            where: { channel: 'telegram', address: customer.address },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          })
        ).flatMap((row) => (parseReplies(row.payload) ?? []).map((message) => ({ status: row.status, message })));
      return {
        ...customer,
        memberId,
        buys: async ({ amount = 10_000, store } = {}) => {
          receipts += 1;
          const outcome = await points.recordPurchase({
            member: { memberId },
            receiptId: `w${world}-r${receipts}`,
            amount,
            redeemPoints: 0,
            source: 'api',
            recordedBy: 'admin',
            ...(store && { store }),
          });
          if (outcome.kind !== 'recorded') throw new Error(`The purchase was not recorded: ${outcome.kind}.`);
          return outcome.purchase.id;
        },
        outbox,
        questionButton: async (label) => {
          const questions = (await outbox()).filter(({ message }) =>
            message.buttons?.flat().some((button) => button.payload?.startsWith('survey:')),
          );
          const last = questions[questions.length - 1];
          const button = last?.message.buttons?.flat().find((candidate) => candidate.label === label);
          if (button?.payload === undefined) throw new Error(`No survey question with a button "${label}" was sent.`);
          return button.payload;
        },
      };
    },
    runJobs: async () => {
      for (const job of jobs) await job.run(now);
    },
    dispose: () => db.dispose(),
  };
}

/** The survey questions sent (not muted) to a member: their texts. */
export async function questionsSent(member: SurveyMember): Promise<Outbound[]> {
  return (await member.outbox())
    .filter(
      ({ status, message }) =>
        status !== 'muted' && message.buttons?.flat().some((b) => b.payload?.startsWith('survey:')),
    )
    .map(({ message }) => message);
}
