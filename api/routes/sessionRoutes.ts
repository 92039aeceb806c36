import type { Account } from '../../core/accounts/accountsPorts.ts';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../core/accounts/passwords.ts';
import { openSession, signIn } from '../../core/accounts/signIn.ts';
import { hashApiKey } from '../../core/api/hashApiKey.ts';
import { locales } from '../../core/i18n/locale.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { sessionSchema, toSessionView } from '../accountView.ts';
import { defineRoute, type ApiClient, type ApiResult, type ApiRoute, type SessionCookie } from '../apiRoute.ts';
import { ApiProblem } from '../problem.ts';

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200)
  .meta({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` });
export const emailField = z
  .email()
  .max(200)
  .meta({ examples: ['owner@shop.md'] });
const nameField = z.string().trim().min(1).max(100);

const signedOut = z.object({ signedOut: z.literal(true) });

/** Signing in and out of the console, the first owner, set-up links and one's own password. */
export function sessionRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    consoleStatus(deps),
    createOwner(deps),
    startSession(deps),
    readSession(),
    endSession(deps),
    setLocale(deps),
    setUp(deps),
    changePassword(deps),
  ];
}

function consoleStatus(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/console',
    operationId: 'consoleStatus',
    tag: 'Console',
    access: 'public',
    summary: 'Whether the console has its owner yet, so the page offers the first sign-in or the usual one',
    responses: { 200: { description: 'The status.', schema: z.object({ ownerExists: z.boolean() }) } },
    problems: [],
    handle: async () => ({ status: 200, body: { ownerExists: (await deps.accounts.count()) > 0 } }),
  });
}

function startSession(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/session',
    operationId: 'signIn',
    tag: 'Console',
    access: 'public',
    summary: 'Sign in to the console',
    description:
      'Sets the HttpOnly session cookie and answers the CSRF token. A wrong email and a wrong password get the same answer; five failures for a login (or twenty from an address) within 15 minutes make signing in wait (429 with Retry-After).',
    body: z.strictObject({ email: emailField, password: z.string().min(1).max(200) }),
    example: { body: { email: 'owner@shop.md', password: 'correct horse battery staple' } },
    responses: { 201: { description: 'Signed in.', schema: sessionSchema } },
    problems: ['sign-in-refused'],
    handle: async ({ body, address, sessionCookie }) => {
      const outcome = await signIn(deps.signIn, { ...body, address });
      if (outcome.kind === 'wait')
        throw new ApiProblem(
          'rate-limited',
          `Too many failed sign-ins; wait ${outcome.seconds} s (the Retry-After header) before trying again.`,
          { retryAfter: outcome.seconds },
        );
      if (outcome.kind === 'refused')
        throw new ApiProblem('sign-in-refused', 'The email or the password is wrong; check both and try again.');
      sessionCookie.set(outcome.token);
      return { status: 201, body: toSessionView(outcome.account, outcome.csrfToken) };
    },
  });
}

function readSession(): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/session',
    operationId: 'readSession',
    tag: 'Console',
    access: 'session',
    summary: 'Who is signed in, what they may do, and the CSRF token',
    responses: { 200: { description: 'The session.', schema: sessionSchema } },
    problems: [],
    handle: async ({ client }) => {
      const { account, csrfToken } = signedIn(client);
      return { status: 200, body: toSessionView(account, csrfToken) };
    },
  });
}

function endSession(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'DELETE',
    path: '/api/v1/session',
    operationId: 'signOut',
    tag: 'Console',
    access: 'session',
    summary: 'Sign out: the session ends at once',
    responses: { 200: { description: 'Signed out.', schema: signedOut } },
    problems: [],
    handle: async ({ client, sessionCookie }) => {
      await deps.sessions.end(signedIn(client).sessionId);
      sessionCookie.clear();
      return { status: 200, body: { signedOut: true } };
    },
  });
}

function setLocale(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'PUT',
    path: '/api/v1/session/locale',
    operationId: 'setConsoleLocale',
    tag: 'Console',
    access: 'session',
    summary: 'Choose the language the console speaks to you; it is remembered',
    body: z.strictObject({ locale: z.enum(locales) }),
    example: { body: { locale: 'ro' } },
    responses: { 200: { description: 'The session in the new language.', schema: sessionSchema } },
    problems: [],
    handle: async ({ client, body }) => {
      const { account, csrfToken } = signedIn(client);
      const updated = (await deps.accounts.update(account.id, { locale: body.locale })) ?? account;
      return { status: 200, body: toSessionView(updated, csrfToken) };
    },
  });
}

function createOwner(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/owner',
    operationId: 'createOwner',
    tag: 'Console',
    access: 'admin',
    summary: 'The first sign-in: create the owner account with the admin token',
    description: 'Only while the console has no account; signs the owner in.',
    body: z.strictObject({ name: nameField, email: emailField, password: passwordField, locale: z.enum(locales) }),
    example: { body: { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery', locale: 'ro' } },
    responses: { 201: { description: 'The owner, signed in.', schema: sessionSchema } },
    problems: ['owner-exists'],
    handle: async ({ body, sessionCookie }) => {
      const at = deps.clock();
      const { password, ...rest } = body;
      const owner = await deps.accounts.createOwner({ ...rest, role: 'owner', at }, await hashPassword(password));
      if (!owner) throw new ApiProblem('owner-exists', 'The console has an owner already; sign in instead.');
      const after = { name: owner.name, email: owner.email, role: owner.role };
      return signInAfter(deps, owner, { at, actor: 'admin', action: 'account.created', after }, sessionCookie);
    },
  });
}

function setUp(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/account-setup',
    operationId: 'completeAccountSetup',
    tag: 'Console',
    access: 'public',
    summary: 'Choose a password with a one-time set-up link, and sign in',
    body: z.strictObject({ token: z.string().min(20).max(100), password: passwordField }),
    example: { body: { token: 'sGkq1b6a1l0ZTd0yq3n0QmJq0w8xVb8d', password: 'correct horse battery' } },
    responses: { 201: { description: 'Password set; signed in.', schema: sessionSchema } },
    problems: ['setup-link-invalid'],
    handle: async ({ body, sessionCookie }) => {
      const at = deps.clock();
      const account = await deps.accounts.completeSetup(hashApiKey(body.token), await hashPassword(body.password), at);
      if (!account)
        throw new ApiProblem(
          'setup-link-invalid',
          'This set-up link was used already or has expired; ask the owner for a new one.',
        );
      const change = { at, actor: `account:${account.id}`, action: 'account.password-set', after: null };
      return signInAfter(deps, account, change, sessionCookie);
    },
  });
}

function changePassword(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/session/password',
    operationId: 'changePassword',
    tag: 'Console',
    access: 'session',
    summary: 'Change your password; every other session of yours ends',
    body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordField }),
    example: { body: { currentPassword: 'correct horse battery', newPassword: 'staple horse battery correct' } },
    responses: { 200: { description: 'Changed.', schema: sessionSchema } },
    problems: ['password-wrong'],
    handle: async ({ client, body }) => {
      const { account, csrfToken, sessionId } = signedIn(client);
      const stored = await deps.accounts.passwordHashOf(account.id);
      if (!stored || !(await verifyPassword(body.currentPassword, stored)))
        throw new ApiProblem('password-wrong', 'The current password is wrong; nothing changed.');
      await deps.accounts.changePassword(account.id, await hashPassword(body.newPassword), sessionId);
      await deps.audit.record({
        at: deps.clock(),
        actor: `account:${account.id}`,
        action: 'account.password-changed',
        subject: `account:${account.id}`,
        before: null,
        after: null,
      });
      return { status: 200, body: toSessionView(account, csrfToken) };
    },
  });
}

/** Records what made the account usable, then signs its person in: the end of the first run and of a set-up link. */
async function signInAfter(
  deps: ApiDeps,
  account: Account,
  change: { at: Date; actor: string; action: string; after: unknown },
  sessionCookie: SessionCookie,
): Promise<ApiResult> {
  await deps.audit.record({ ...change, subject: `account:${account.id}`, before: null });
  const { token, csrfToken } = await openSession(deps.signIn, account.id, change.at);
  sessionCookie.set(token);
  return { status: 201, body: toSessionView(account, csrfToken) };
}

function signedIn(client: ApiClient) {
  if (client.kind !== 'account')
    throw new ApiProblem('forbidden', 'This route is for people signed in to the console.');
  return client;
}
