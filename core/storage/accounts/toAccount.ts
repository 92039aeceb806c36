import type { Account } from '../../accounts/accountsPorts.ts';
import { roles, type Role } from '../../accounts/roles.ts';
import { isLocale } from '../../i18n/locale.ts';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
  passwordHash: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    // A role or language this version does not know falls back to the least it can mean.
    role: (roles as readonly string[]).includes(row.role) ? (row.role as Role) : 'viewer',
    locale: isLocale(row.locale) ? row.locale : 'en',
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    active: row.passwordHash !== null,
  };
}
