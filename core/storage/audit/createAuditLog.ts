import type { AuditLog } from '../../audit/auditPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { recordAuditInTransaction } from './recordAudit.ts';

/** The audit log on Prisma, read newest first. */
export function createAuditLog(db: Database): AuditLog {
  return {
    record: (entry) => recordAuditInTransaction(db.prisma, entry),
    page: async ({ limit, before, subject }) => {
      const rows = await db.prisma.auditEntry.findMany({
        where: { ...(before && { at: { lt: before } }), ...(subject && { subject }) },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map((row) => ({
        ...row,
        before: row.before === null ? null : JSON.parse(row.before),
        after: row.after === null ? null : JSON.parse(row.after),
      }));
    },
  };
}
