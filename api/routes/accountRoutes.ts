import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Account } from '../../core/accounts/accountsPorts.ts';
import { roles } from '../../core/accounts/roles.ts';
import { hashApiKey } from '../../core/api/hashApiKey.ts';
import { locales } from '../../core/i18n/locale.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { accountSchema, toAccountView } from '../accountView.ts';
import { auditChange } from '../auditChange.ts';
import { defineRoute, type ApiClient, type ApiRoute } from '../apiRoute.ts';
import { idParams, timestamp } from '../fields.ts';
import { ApiProblem } from '../problem.ts';
import { emailField } from './sessionRoutes.ts';

/** A set-up link lives this long; the owner can always make a new one. */
const SETUP_LINK_MS = 72 * 3_600_000;
const EXAMPLE_ID = '0f8b7c2e-5a41-4a8e-9d0c-3b2a1f6e7d9c';

const invitedSchema = z.object({
  account: accountSchema,
  setupUrl: z.string().meta({ description: 'The one-time set-up link, shown this once; only its hash is kept.' }),
  setupExpiresAt: timestamp,
});

/** The owner's accounts: invite with a one-time set-up link, change a role, disable. */
export function accountRoutes(deps: ApiDeps): ApiRoute[] {
  const common = { tag: 'Console', access: 'admin' } as const;
  return [
    defineRoute({
      ...common,
      method: 'GET',
      path: '/api/v1/accounts',
      operationId: 'listAccounts',
      summary: 'Every console account, oldest first',
      responses: { 200: { description: 'The accounts.', schema: z.object({ accounts: z.array(accountSchema) }) } },
      problems: [],
      handle: async () => ({ status: 200, body: { accounts: (await deps.accounts.list()).map(toAccountView) } }),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/accounts',
      operationId: 'inviteAccount',
      summary: 'Create an account and its one-time set-up link',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100),
        email: emailField,
        role: z.enum(roles),
        locale: z.enum(locales),
      }),
      example: { body: { name: 'Maria', email: 'maria@shop.md', role: 'marketer', locale: 'ro' } },
      responses: { 201: { description: 'Created; hand the link to the person.', schema: invitedSchema } },
      problems: ['email-taken'],
      handle: async ({ body, client }) => {
        const at = deps.clock();
        const link = newSetupLink(deps, at);
        const account = await deps.accounts.createInvited({ ...body, at }, link.hash, link.expiresAt);
        if (!account) throw new ApiProblem('email-taken', `${body.email} has an account already; find it in the list.`);
        await audit(deps, client, 'account.created', account, null, { name: account.name, role: account.role });
        return { status: 201, body: invited(account, link) };
      },
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/accounts/{id}/setup-link',
      operationId: 'renewSetupLink',
      params: idParams,
      summary: 'A new one-time set-up link (a lost link, or a forgotten password); the account’s sessions end',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 201: { description: 'The new link, shown once.', schema: invitedSchema } },
      problems: ['account-not-found'],
      handle: async ({ params, client }) => {
        const at = deps.clock();
        const link = newSetupLink(deps, at);
        const account = await deps.accounts.renewSetup(params.id, link.hash, link.expiresAt);
        if (!account) throw notFound(params.id);
        await audit(deps, client, 'account.setup-link', account, null, null);
        return { status: 201, body: invited(account, link) };
      },
    }),
    defineRoute({
      ...common,
      method: 'PUT',
      path: '/api/v1/accounts/{id}/role',
      operationId: 'changeRole',
      params: idParams,
      body: z.strictObject({ role: z.enum(roles) }),
      summary: 'Change what an account may do',
      example: { params: { id: EXAMPLE_ID }, body: { role: 'support' } },
      responses: { 200: { description: 'The account with its new role.', schema: accountSchema } },
      problems: ['account-not-found', 'last-owner'],
      handle: async ({ params, body, client }) => {
        const before = await deps.accounts.find(params.id);
        if (!before) throw notFound(params.id);
        if (before.role === 'owner' && body.role !== 'owner') await keepAnOwner(deps, before.id);
        const after = (await deps.accounts.update(params.id, { role: body.role }))!;
        await audit(deps, client, 'account.role-changed', after, { role: before.role }, { role: after.role });
        return { status: 200, body: toAccountView(after) };
      },
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/api/v1/accounts/{id}/disable',
      operationId: 'disableAccount',
      params: idParams,
      summary: 'Disable an account: its sessions end at once',
      example: { params: { id: EXAMPLE_ID } },
      responses: { 200: { description: 'Disabled.', schema: accountSchema } },
      problems: ['account-not-found', 'last-owner'],
      handle: async ({ params, client }) => {
        const before = await deps.accounts.find(params.id);
        if (!before) throw notFound(params.id);
        if (before.role === 'owner') await keepAnOwner(deps, before.id);
        const after = (await deps.accounts.disable(params.id, deps.clock()))!;
        await audit(deps, client, 'account.disabled', after, { disabledAt: null }, { disabledAt: after.disabledAt });
        return { status: 200, body: toAccountView(after) };
      },
    }),
  ];
}

function newSetupLink(deps: ApiDeps, at: Date) {
  const token = randomBytes(24).toString('base64url');
  // In the fragment: a browser never sends it to the server, so no access log can keep it.
  const url = `${(deps.publicUrl ?? '').replace(/\/$/, '')}/admin/#/setup/${token}`;
  return { token, url, hash: hashApiKey(token), expiresAt: new Date(at.getTime() + SETUP_LINK_MS) };
}

function invited(account: Account, link: { url: string; expiresAt: Date }) {
  return { account: toAccountView(account), setupUrl: link.url, setupExpiresAt: link.expiresAt.toISOString() };
}

/** Refuses to leave the console without an active owner. */
async function keepAnOwner(deps: ApiDeps, leaving: string): Promise<void> {
  const others = (await deps.accounts.list()).filter(
    (account) => account.role === 'owner' && account.id !== leaving && !account.disabledAt,
  );
  if (others.length === 0)
    throw new ApiProblem('last-owner', 'This is the only owner; make another account owner first. Nothing changed.');
}

function notFound(id: string): ApiProblem {
  return new ApiProblem('account-not-found', `There is no account ${id}; GET /api/v1/accounts lists them.`);
}

function audit(deps: ApiDeps, client: ApiClient, action: string, account: Account, before: unknown, after: unknown) {
  return auditChange(deps, client, { action, subject: `account:${account.id}`, before, after });
}
