import type { StaffStore } from '../../staff/staffPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { grantStaff, isStaff, listStaff, revokeStaff } from './staff.ts';

/** The `StaffStore` on Prisma. */
export function createStaffStore(db: Database): StaffStore {
  return {
    isStaff: (channel, address, role) => isStaff(db, channel, address, role),
    grant: (grant, at) => grantStaff(db, grant, at),
    revoke: (id, at) => revokeStaff(db, id, at),
    list: () => listStaff(db),
  };
}
