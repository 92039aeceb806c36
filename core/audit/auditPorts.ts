/**
 * One change, as the owner reads it: who made it (`admin`, `key:<id>`,
 * `account:<id>`, or `system` when the product did it by its own rules),
 * what it was, to what, and the values before and after. Ids and values
 * only: a phone number never appears in the clear.
 */
export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

export type AuditRecord = Omit<AuditEntry, 'id'>;

export interface AuditLog {
  /** Records a change made outside any other transaction (an account, a session's password). */
  record(entry: AuditRecord): Promise<void>;
  /** The newest entries first, `limit` of them, older than `before` when given. */
  page(query: { limit: number; before?: Date; subject?: string }): Promise<AuditEntry[]>;
}
