import type { ScoreStore } from '../../scoring/scoringPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { claimScoringDay, releaseScoringDay } from './claimScoringDay.ts';
import { readActivity } from './readActivity.ts';
import { writeScores } from './writeScores.ts';

/** Where the last completed scoring run's day is kept, for the reports to show. */
export const SCORED_ON_KEY = 'scoring:scoredOn';

/** The scoring job's storage (core/scoring/scoringPorts.ts). */
export function createScoreStore(db: Database): ScoreStore {
  const prisma = db.prisma;
  return {
    activity: (windows) => readActivity(prisma, windows),
    writeScores: (scores, scoredOn) => writeScores(prisma, scores, scoredOn),
    writeStageMonth: async (month, members) => {
      for (const [stage, count] of Object.entries(members))
        await prisma.$executeRaw`
          INSERT INTO "StageMonth" ("month", "stage", "members") VALUES (${month}, ${Number(stage)}, ${count})
          ON CONFLICT ("month", "stage") DO UPDATE SET "members" = excluded."members"`;
    },
    uncountedMonths: async (months) => {
      const counted = await prisma.stageMonth.findMany({
        where: { month: { in: [...months] } },
        select: { month: true },
        distinct: ['month'],
      });
      return months.filter((month) => !counted.some((row) => row.month === month));
    },
    markScored: async (day) => {
      await prisma.setting.upsert({
        where: { key: SCORED_ON_KEY },
        create: { key: SCORED_ON_KEY, value: day },
        update: { value: day },
      });
    },
    claimDay: (day) => claimScoringDay(prisma, day),
    releaseDay: (day) => releaseScoringDay(prisma, day),
  };
}
