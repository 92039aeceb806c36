// Campaigns under test: a real database (SQLite or PostgreSQL), members
// seeded as the chats and the till leave them, and the campaigns' own
// deps, driven with a test clock and small batches so a fan-out takes
// several transactions.
import { campaignDepsOf } from '../../../../app/campaigns.ts';
import type { CampaignContent } from '../../../../core/campaigns/campaign.ts';
import type { CampaignDeps } from '../../../../core/campaigns/campaignDeps.ts';
import { categoryMuteTopic, type CampaignCategory } from '../../../../core/campaigns/campaignCategories.ts';
import { newHoldoutSeed } from '../../../../core/campaigns/holdout.ts';
import { createTranslator } from '../../../../core/i18n/translator.ts';
import { silentLogger } from '../../../../core/logger.ts';
import { defaultProgramRules, type ProgramRules } from '../../../../core/program/programRules.ts';
import type { Database, Provider } from '../../../../core/storage/db/openDatabase.ts';
import { createSegmentStore } from '../../../../core/storage/segments/createSegmentStore.ts';
import type { SegmentFilters } from '../../../../core/segments/segmentFilters.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/testDatabase.ts';

export interface SeedMember {
  name: string;
  locale?: 'ru' | 'ro' | 'en';
  optedIn?: boolean;
  /** No chat at all: enrolled at the till. */
  noChat?: boolean;
  mutedCategories?: CampaignCategory[];
  balance?: number;
  tier?: string;
}

export interface CampaignWorld {
  db: TestDatabase;
  deps(overrides?: Partial<CampaignDeps>, db?: Database): CampaignDeps;
  seed(members: SeedMember[]): Promise<string[]>;
  segment(name: string, filters?: SegmentFilters): Promise<string>;
  campaign(segmentId: string, content?: Partial<CampaignContent>): Promise<string>;
  /** Outbox rows of one campaign, by member. */
  messagesOf(
    campaignId: string,
  ): Promise<Array<{ memberId: string | null; status: string; nextAttemptAt: Date; payload: string }>>;
  rules: ProgramRules;
}

let seeded = 0;

export async function campaignWorld(provider: Provider, now: () => Date): Promise<CampaignWorld> {
  const db = await createTestDatabase(provider);
  const translator = createTranslator();
  const world: CampaignWorld = {
    db,
    rules: defaultProgramRules,
    deps: (overrides = {}, on = db) => ({
      ...campaignDepsOf(on, {
        translator,
        settings: { timezone: 'Europe/Chisinau', defaultLocale: 'ru' },
        loadRules: async () => world.rules,
        log: silentLogger,
      }),
      batchSize: 7,
      ...overrides,
    }),
    seed: async (members) => {
      const ids: string[] = [];
      for (const member of members) {
        const n = ++seeded;
        const id = crypto.randomUUID();
        ids.push(id);
        await db.prisma.member.create({
          data: {
            id,
            cardNumber: `CARD${provider}${n}`,
            name: member.name,
            locale: member.locale ?? 'en',
            consentAt: now(),
            consentVersion: 'v1',
            balance: member.balance ?? 0,
            tier: member.tier ?? 'bronze',
            marketingOptIn: member.optedIn ?? true,
            createdAt: now(),
          },
        });
        if (!member.noChat)
          await db.prisma.chat.create({
            data: {
              id: crypto.randomUUID(),
              channel: 'web',
              address: `visitor-${provider}-${n}`,
              locale: member.locale ?? 'en',
              state: '{"v":1,"step":"member"}',
              consentAt: now(),
              consentVersion: 'v1',
              memberId: id,
            },
          });
        for (const category of member.mutedCategories ?? [])
          await db.prisma.notificationMute.create({ data: { memberId: id, topic: categoryMuteTopic(category) } });
      }
      return ids;
    },
    segment: async (name, filters = {}) => {
      const segment = await createSegmentStore(db).create({ name, filters }, now());
      if (segment === 'name-taken') throw new Error(`segment ${name} exists`);
      return segment.id;
    },
    campaign: async (segmentId, content = {}) =>
      (
        await world.deps().campaigns.create(
          {
            name: 'December offer',
            segmentId,
            category: 'offers',
            messages: { en: 'Hello {name}, you have {balance} points.', ru: 'Привет, {name}: у вас {balance} баллов.' },
            buttons: [],
            imageUrl: null,
            sendAt: null,
            holdoutPercent: 10,
            resultDays: 7,
            ...content,
          },
          newHoldoutSeed(),
          now(),
        )
      ).id,
    messagesOf: (campaignId) =>
      db.prisma.outboxMessage.findMany({
        where: { campaignId },
        select: { memberId: true, status: true, nextAttemptAt: true, payload: true },
      }),
  };
  return world;
}
