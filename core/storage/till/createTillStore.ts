import type { Cashier, TillStore } from '../../till/tillPorts.ts';
import { parseTillState, tillIdle, type TillState } from '../../till/tillState.ts';
import type { Database, Prisma } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { createCodeGuesses } from './createCodeGuesses.ts';
import { issueLinkCode } from '../members/linkCodes.ts';

const CASHIER = 'cashier';

/** The till's storage on Prisma: who is a cashier, and each cashier's till session. */
export function createTillStore(db: Database): TillStore {
  const { prisma } = db;
  return {
    findCashier: (channel, address) => findCashier(prisma, channel, address),
    saveSession: (staffId, expectedVersion, state) => saveSession(prisma, staffId, expectedVersion, state),
    codeGuesses: createCodeGuesses(db),
    issueLinkCode: (memberId, code, expiresAt) => issueLinkCode(db, memberId, code, expiresAt),
  };
}

/**
 * Asked on every update, so a revocation takes effect at once. One indexed
 * read for everyone who is not a cashier; the session is read only for cashiers.
 */
async function findCashier(prisma: Prisma, channel: string, address: string): Promise<Cashier | null> {
  // findFirst, not findUnique: see findChat (core/storage/conversation/createChatStore.ts).
  const staff = await prisma.staffMember.findFirst({
    where: { channel, address, role: CASHIER },
    select: { id: true, revokedAt: true },
  });
  if (!staff || staff.revokedAt !== null) return null;
  const session = await prisma.tillSession.findUnique({ where: { staffId: staff.id } });
  return {
    staffId: staff.id,
    state: session ? parseTillState(session.state) : tillIdle,
    version: session?.version ?? 0,
  };
}

/**
 * Optimistic write, like a chat's: it succeeds only against the version
 * read. A session that does not exist yet is version 0 and is created at
 * version 1, so two first writes race on the primary key and one loses.
 */
async function saveSession(
  prisma: Prisma,
  staffId: string,
  expectedVersion: number,
  state: TillState,
): Promise<boolean> {
  const json = JSON.stringify(state);
  const { count } = await prisma.tillSession.updateMany({
    where: { staffId, version: expectedVersion },
    data: { state: json, version: { increment: 1 } },
  });
  if (count === 1) return true;
  if (expectedVersion !== 0) return false;
  try {
    await prisma.tillSession.create({ data: { staffId, state: json, version: 1 } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
