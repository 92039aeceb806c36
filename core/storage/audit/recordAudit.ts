import type { AuditRecord } from '../../audit/auditPorts.ts';
import type { Tx } from '../db/openDatabase.ts';
import { timeOrderedId } from '../db/timeOrderedId.ts';

/** Writes the entry in the transaction of the change it records, so the log never misses one nor holds one undone. */
export async function recordAuditInTransaction(tx: Tx, entry: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      id: timeOrderedId(),
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
