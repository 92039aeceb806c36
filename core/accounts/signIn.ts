import { createHash, randomBytes } from 'node:crypto';
import type { Account, AccountStore, SessionStore } from './accountsPorts.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';

/** Failures a login and an address may have in the window before signing in waits. */
export const SIGN_IN_FAILURES = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

export interface Limit {
  waitFor(subject: string, at: Date): Promise<number | null>;
  failed(subject: string, at: Date): Promise<void>;
}

export interface SignInDeps {
  accounts: Pick<AccountStore, 'findForSignIn'>;
  sessions: Pick<SessionStore, 'create'>;
  byAccount: Limit;
  byAddress: Limit;
  clock: () => Date;
}

export type SignInOutcome =
  | { kind: 'signed-in'; account: Account; token: string; csrfToken: string }
  /** Wrong email or wrong password: the two are never told apart. */
  | { kind: 'refused' }
  | { kind: 'wait'; seconds: number };

/**
 * Checks the password and opens a session. An unknown email costs the same
 * time as a wrong password and counts against that email all the same, so
 * neither the answer nor its timing says whether the account exists.
 */
export async function signIn(
  deps: SignInDeps,
  attempt: { email: string; password: string; address: string },
): Promise<SignInOutcome> {
  const now = deps.clock();
  const login = attempt.email.trim().toLowerCase();
  const wait = Math.max(
    (await deps.byAccount.waitFor(login, now)) ?? 0,
    (await deps.byAddress.waitFor(attempt.address, now)) ?? 0,
  );
  if (wait > 0) return { kind: 'wait', seconds: wait };
  const found = await deps.accounts.findForSignIn(login);
  const ok =
    found?.passwordHash != null
      ? await verifyPassword(attempt.password, found.passwordHash)
      : await verifyNothing(attempt.password);
  if (!ok || !found) {
    await deps.byAccount.failed(login, now);
    await deps.byAddress.failed(attempt.address, now);
    return { kind: 'refused' };
  }
  return { kind: 'signed-in', account: found.account, ...(await openSession(deps, found.account.id, now)) };
}

/** A new session: the cookie's token (its hash is the id) and the CSRF token the page sends back. */
export async function openSession(
  deps: Pick<SignInDeps, 'sessions'>,
  accountId: string,
  at: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await deps.sessions.create({ id: sessionIdFor(token), accountId, csrfToken, at });
  return { token, csrfToken };
}

/** The table keeps only the SHA-256 of a session's token, like API keys. */
export function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
