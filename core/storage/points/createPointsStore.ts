import type { MemberRecord } from '../../members/membersPorts.ts';
import type { MemberReference, PointsStore } from '../../points/pointsPorts.ts';
import { programRulesSchema, type ProgramRules } from '../../program/programRules.ts';
import type { Database } from '../db/openDatabase.ts';
import { expireDueInTransaction } from './lots.ts';
import type { PurchaseReaction } from './purchaseReactions.ts';
import { recordPurchase } from './recordPurchase.ts';
import { refundPurchase } from './refundPurchase.ts';
import { toMemberRecord } from '../members/records.ts';
import { toPurchaseRecord } from './toPurchaseRecord.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';

const RULES_KEY = 'programRules';

/** The points engine's storage, on Prisma; SQLite and PostgreSQL alike. */
/**
 * `defaults` are the deployment's starting rules (from its configuration);
 * rules saved through the API take precedence over them. `reactions` are the
 * capabilities' reactions to purchases and refunds (purchaseReactions.ts).
 */
export function createPointsStore(
  db: Database,
  defaults: Partial<ProgramRules> = {},
  reactions: readonly PurchaseReaction[] = [],
): PointsStore {
  const { prisma } = db;
  return {
    findMemberBy: (reference, now, claimant) => findMemberBy(db, reference, now, claimant),
    codeWasIssued: async (code) => (await prisma.oneTimeCode.count({ where: { code } })) > 0,
    recordPurchase: (request, policy) => recordPurchase(db, request, policy, reactions),
    refundPurchase: (purchaseId, at, policy) => refundPurchase(db, purchaseId, at, policy, reactions),
    findPurchase: async (purchaseId) => {
      const row = await prisma.purchase.findUnique({ where: { id: purchaseId } });
      return row && toPurchaseRecord(row);
    },
    expireDue: (memberId, now) => prisma.$transaction((tx) => expireDueInTransaction(tx, memberId, now)),
    issueCode: (memberId, code, expiresAt, now) => issueCode(db, { memberId, code, expiresAt, now }),
    loadRules: async () =>
      parseRules((await prisma.setting.findUnique({ where: { key: RULES_KEY } }))?.value, defaults),
    saveRules: async (rules) => {
      const value = JSON.stringify(rules);
      await prisma.setting.upsert({ where: { key: RULES_KEY }, create: { key: RULES_KEY, value }, update: { value } });
    },
  };
}

/**
 * A code value is reused once the code that held it is used or expired, so
 * the 6-digit space never fills up; a live code is never taken over.
 */
async function issueCode(
  db: Database,
  wanted: { memberId: string; code: string; expiresAt: Date; now: Date },
): Promise<boolean> {
  const { memberId, code, expiresAt, now } = wanted;
  try {
    await db.prisma.oneTimeCode.create({ data: { code, memberId, expiresAt, createdAt: now } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const taken = await db.prisma.oneTimeCode.updateMany({
    where: { code, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] },
    data: { memberId, expiresAt, usedAt: null, createdAt: now },
  });
  return taken.count === 1;
}

/** Stored rules, completed with today's defaults for fields added since they were saved. */
function parseRules(json: string | undefined, defaults: Partial<ProgramRules>): ProgramRules {
  return programRulesSchema.parse({ ...defaults, ...(json ? JSON.parse(json) : {}) });
}

async function findMemberBy(
  db: Database,
  reference: MemberReference,
  now: Date,
  claimant?: string,
): Promise<MemberRecord | null> {
  const { prisma } = db;
  if ('code' in reference) {
    const live = { code: reference.code, usedAt: null, expiresAt: { gt: now } };
    // The first credential to look a code up claims it, in one conditional write, so two tills cannot both hold it.
    if (claimant)
      await prisma.oneTimeCode.updateMany({ where: { ...live, claimedBy: null }, data: { claimedBy: claimant } });
    const code = await prisma.oneTimeCode.findFirst({
      where: claimant ? { ...live, claimedBy: claimant } : live,
      include: { member: true },
    });
    return code && toMemberRecord(code.member);
  }
  const where =
    'memberId' in reference
      ? { id: reference.memberId }
      : 'cardNumber' in reference
        ? { cardNumber: reference.cardNumber }
        : { phone: reference.phone };
  const row = await prisma.member.findUnique({ where });
  return row && toMemberRecord(row);
}
