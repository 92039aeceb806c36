// Raw rows for the scoring tests: members, purchases and survey answers
// written straight to a fresh database, so a hand-computed data set (or a
// random one) is exactly what the scoring reads.
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../../../core/logger.ts';
import { programRulesSchema } from '../../../../core/program/programRules.ts';
import type { ScoringDeps } from '../../../../core/scoring/rescore.ts';
import type { Database } from '../../../../core/storage/db/openDatabase.ts';
import { createScoreStore } from '../../../../core/storage/scoring/createScoreStore.ts';

export const TIMEZONE = 'Europe/Chisinau';

let cards = 0;

export async function addMember(db: Database, joined: Date, options: { erased?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  cards += 1;
  await db.prisma.member.create({
    data: {
      id,
      cardNumber: `S${process.pid}-${cards}`,
      name: 'Test Member',
      locale: 'ro',
      consentAt: joined,
      consentVersion: 'v1',
      createdAt: joined,
      ...(options.erased && { erasedAt: joined }),
    },
  });
  return id;
}

export async function addPurchase(
  db: Database,
  memberId: string,
  at: Date,
  amount: number,
  options: { refunded?: boolean } = {},
): Promise<void> {
  const id = randomUUID();
  await db.prisma.purchase.create({
    data: {
      id,
      memberId,
      receiptId: id,
      requestHash: 'h',
      amount,
      redeemedPoints: 0,
      redeemedAmount: 0,
      paidAmount: amount,
      discountPercent: 0,
      earnedPoints: 0,
      source: 'api',
      createdAt: at,
      ...(options.refunded && { refundedAt: at }),
    },
  });
}

/** An answered NPS question, or a desk CSAT rating. */
export async function addAnswer(
  db: Database,
  memberId: string,
  kind: 'nps' | 'csat',
  score: number,
  at: Date,
): Promise<void> {
  const id = randomUUID();
  await db.prisma.surveyQuestion.create({
    data: {
      id,
      memberId,
      kind,
      touchpoint: kind === 'nps' ? 'purchase' : 'desk',
      dedupeKey: id,
      status: 'answered',
      locale: 'ro',
      dueAt: at,
      askedAt: at,
      answeredAt: at,
      score,
    },
  });
}

export function scoringDeps(db: Database, rules: Record<string, unknown> = {}): ScoringDeps {
  return {
    scores: createScoreStore(db),
    loadRules: async () => programRulesSchema.parse(rules),
    settings: { timezone: TIMEZONE },
    log: silentLogger,
  };
}
