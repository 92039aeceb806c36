import type { PhoneClaim } from '../../members/membersPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { attemptsWithin, recordAttempt } from '../db/attempts.ts';
import { recordAuditInTransaction } from '../audit/recordAudit.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Decided and done in one transaction, so the number never has two owners:
 * the holder keeps it (now proven) when it was proven already or no chat
 * speaks for them; otherwise it leaves them, their chats and points stay,
 * and they are told, if and only if it happened.
 */
export async function claimPhone(db: Database, claim: PhoneClaim): Promise<'link' | 'released' | 'moved'> {
  const { memberId, phone, at, notice } = claim;
  return withTransactionRetry(db, async (tx) => {
    const holder = await tx.member.findFirst({
      where: { id: memberId, phone },
      select: { phoneVerified: true, _count: { select: { chats: true } } },
    });
    if (!holder) return 'moved';
    if (holder.phoneVerified || holder._count.chats === 0) {
      await tx.member.update({ where: { id: memberId }, data: { phoneVerified: true } });
      return 'link';
    }
    const released = await tx.member.updateMany({
      where: { id: memberId, phone, phoneVerified: false },
      data: { phone: null, phoneDigitsReversed: null },
    });
    if (released.count !== 1) return 'moved';
    await recordAuditInTransaction(tx, {
      at,
      actor: 'system',
      action: 'phone.released',
      subject: `member:${memberId}`,
      before: { phoneEnding: phone.slice(-4), phoneVerified: false },
      after: { phone: null, provenByChat: claim.claimingChatId },
    });
    await enqueueInTransaction(tx, { ...notice, at }, { tellWhyNot: false });
    return 'released';
  });
}

/** Records the attempt and counts this chat's attempts in the hour up to `at`. */
export async function countPhoneAttempt(db: Database, chatId: string, at: Date): Promise<number> {
  await recordAttempt(db, `phone:${chatId}`, at, HOUR_MS);
  return (await attemptsWithin(db, `phone:${chatId}`, at, HOUR_MS)).length;
}
