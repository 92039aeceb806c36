import { z } from 'zod';
import type { Account } from '../core/accounts/accountsPorts.ts';
import { permissionsOf, roles } from '../core/accounts/roles.ts';
import { locales } from '../core/i18n/locale.ts';
import { timestamp } from './fields.ts';

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  locale: z.enum(locales),
  active: z.boolean().meta({ description: 'False until the person used their set-up link.' }),
  createdAt: timestamp,
  disabledAt: timestamp.nullable(),
});

export const sessionSchema = z.object({
  account: accountSchema,
  permissions: z.array(z.string()).meta({ description: 'What this account may do; the console shows only these.' }),
  csrfToken: z.string().meta({ description: 'Send it back as X-CSRF-Token with every change.' }),
});

export function toAccountView(account: Account) {
  return {
    ...account,
    createdAt: account.createdAt.toISOString(),
    disabledAt: account.disabledAt?.toISOString() ?? null,
  };
}

export function toSessionView(account: Account, csrfToken: string) {
  return { account: toAccountView(account), permissions: [...permissionsOf(account.role)], csrfToken };
}
