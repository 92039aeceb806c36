/** Roles an administrator can grant; a customer never holds one. */
export type StaffRole = 'cashier';

export interface StaffGrant {
  channel: string;
  /** The person's address on that channel (a Telegram user id…). */
  address: string;
  name: string;
  role: StaffRole;
}

export interface StaffRecord extends StaffGrant {
  id: string;
  grantedAt: Date;
  revokedAt: Date | null;
}

/** People who hold a role at the shop (cashiers at the till). */
export interface StaffStore {
  /** Whether the person at this address currently holds the role. */
  isStaff(channel: string, address: string, role: StaffRole): Promise<boolean>;
  grant(grant: StaffGrant, at: Date): Promise<{ staff: StaffRecord; created: boolean }>;
  revoke(id: string, at: Date): Promise<StaffRecord | null>;
  list(): Promise<StaffRecord[]>;
}
