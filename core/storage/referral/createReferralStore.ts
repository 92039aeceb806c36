import { newReferralCode } from '../../referral/referralCode.ts';
import type { Referrals } from '../../referral/referralPorts.ts';
import { isSelfReferral } from '../../referral/referralPolicy.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { retry, TryAgainError } from '../../errors.ts';

const CODE_ATTEMPTS = 5;

/** The referral programme's storage: invitation codes on Prisma, SQLite and PostgreSQL alike. */
export function createReferralStore(db: Database): Referrals {
  return { codeFor: (memberId) => codeFor(db, memberId) };
}

/**
 * The member's code, made on first use. The write is conditional on the
 * member having none, so two concurrent first uses agree on one code; a
 * random code someone else holds is replaced by another.
 */
async function codeFor(db: Database, memberId: string): Promise<string> {
  const exhausted = () =>
    new Error(`Could not give member ${memberId} a free invitation code in ${CODE_ATTEMPTS} attempts.`);
  return retry({ attempts: CODE_ATTEMPTS, exhausted }, async () => {
    const existing = await db.prisma.member.findUnique({ where: { id: memberId }, select: { referralCode: true } });
    if (!existing) throw new Error(`Member ${memberId} does not exist, so it has no invitation code.`);
    if (existing.referralCode) return existing.referralCode;
    try {
      await db.prisma.member.updateMany({
        where: { id: memberId, referralCode: null },
        data: { referralCode: newReferralCode() },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Written by us or by a concurrent first use, or the code was someone else's: the next attempt reads which.
    throw new TryAgainError('the invitation code is not settled yet');
  });
}

/**
 * Who invited a member being enrolled, by the code they came with. Nobody
 * when the code is unknown, or when it is the newcomer's own (same member or
 * same phone): self-referral earns nothing.
 */
export async function referrerForEnrolment(
  tx: Tx,
  code: string | undefined,
  newcomer: { id: string; phone: string },
): Promise<string | null> {
  if (!code) return null;
  const referrer = await tx.member.findUnique({ where: { referralCode: code }, select: { id: true, phone: true } });
  if (!referrer || isSelfReferral(referrer, newcomer)) return null;
  return referrer.id;
}
