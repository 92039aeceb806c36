import type { StaffGrant, StaffRecord, StaffRole } from '../../staff/staffPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';

/**
 * Whether the person at this address currently holds the role. The cashier
 * commands ask this on every step, so a revocation takes effect at once.
 */
export async function isStaff(db: Database, channel: string, address: string, role: StaffRole): Promise<boolean> {
  const row = await db.prisma.staffMember.findUnique({
    where: { channel_address_role: { channel, address, role } },
    select: { revokedAt: true },
  });
  return row !== null && row.revokedAt === null;
}

/**
 * Grants a role. Granting it again changes nothing but the name; granting it
 * after a revocation restores it (same id, new grant time).
 */
export async function grantStaff(
  db: Database,
  grant: StaffGrant,
  at: Date,
): Promise<{ staff: StaffRecord; created: boolean }> {
  const where = { channel_address_role: { channel: grant.channel, address: grant.address, role: grant.role } };
  const existing = await db.prisma.staffMember.findUnique({ where });
  if (existing) {
    const data = existing.revokedAt ? { name: grant.name, revokedAt: null, grantedAt: at } : { name: grant.name };
    return { staff: toStaff(await db.prisma.staffMember.update({ where, data })), created: false };
  }
  try {
    const row = await db.prisma.staffMember.create({ data: { id: crypto.randomUUID(), ...grant, grantedAt: at } });
    return { staff: toStaff(row), created: true };
  } catch (error) {
    // A concurrent grant of the same role won the insert: report its row.
    if (isUniqueViolation(error))
      return { staff: toStaff(await db.prisma.staffMember.findUniqueOrThrow({ where })), created: false };
    throw error;
  }
}

/** Revokes a grant; revoking it again keeps the first time. Null when no such grant. */
export async function revokeStaff(db: Database, id: string, at: Date): Promise<StaffRecord | null> {
  await db.prisma.staffMember.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  const row = await db.prisma.staffMember.findUnique({ where: { id } });
  return row && toStaff(row);
}

/** Everyone who currently holds a role. */
export async function listStaff(db: Database): Promise<StaffRecord[]> {
  const rows = await db.prisma.staffMember.findMany({ where: { revokedAt: null }, orderBy: { grantedAt: 'asc' } });
  return rows.map(toStaff);
}

function toStaff(row: {
  id: string;
  channel: string;
  address: string;
  name: string;
  role: string;
  grantedAt: Date;
  revokedAt: Date | null;
}): StaffRecord {
  return {
    id: row.id,
    channel: row.channel,
    address: row.address,
    name: row.name,
    role: row.role as StaffRole,
    grantedAt: row.grantedAt,
    revokedAt: row.revokedAt,
  };
}
