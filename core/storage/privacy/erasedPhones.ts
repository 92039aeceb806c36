import { createHmac, randomBytes } from 'node:crypto';
import type { Database, Tx } from '../db/openDatabase.ts';

/** The salt of erased phones' hashes: a server secret kept in the database, like the web chat's visitor secret. */
const SALT_KEY = 'privacy.erasedPhoneSalt';
/** A phone erased this recently earns no second welcome bonus. */
const WELCOME_WITHHELD_DAYS = 365;
const DAY_MS = 86_400_000;

/** Makes sure the salt exists, outside any transaction, so two erasures never race to create it. */
export async function ensurePhoneSalt(db: Database): Promise<void> {
  const key = SALT_KEY;
  await db.prisma.setting.upsert({
    where: { key },
    create: { key, value: randomBytes(32).toString('base64url') },
    update: {},
  });
}

/** The salted hash kept of an erased member's phone; null when no salt exists (then nobody was ever erased). */
export async function erasedPhoneHash(tx: Tx, phone: string): Promise<string | null> {
  const salt = await tx.setting.findUnique({ where: { key: SALT_KEY } });
  return salt && createHmac('sha256', salt.value).update(`erased-phone:${phone}`).digest('base64url');
}

/**
 * Whether a welcome bonus for `phone` must be withheld at `at`: someone with
 * this number had one, then had their data erased less than a year ago.
 */
export async function welcomeWithheld(tx: Tx, phone: string | null, at: Date): Promise<boolean> {
  if (phone === null) return false;
  const phoneHash = await erasedPhoneHash(tx, phone);
  if (!phoneHash) return false;
  const since = new Date(at.getTime() - WELCOME_WITHHELD_DAYS * DAY_MS);
  return (await tx.erasedPhone.count({ where: { phoneHash, erasedAt: { gt: since } } })) > 0;
}
