import type { Locale } from '../i18n/locale.ts';
import type { Role } from './roles.ts';

/** A console account as the console shows it: never its password or set-up token. */
export interface Account {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  createdAt: Date;
  disabledAt: Date | null;
  /** False until the person used their set-up link and chose a password. */
  active: boolean;
}

export interface NewAccount {
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  at: Date;
}

/** A session as a request presents it. */
export interface SessionRecord {
  account: Account;
  csrfToken: string;
  lastSeenAt: Date;
}

export interface AccountStore {
  count(): Promise<number>;
  /** The first account, made with the admin token: the owner, with a password at once. Null when one exists. */
  createOwner(account: NewAccount, passwordHash: string): Promise<Account | null>;
  /** A new account waiting for its set-up link; null when the email is taken. */
  createInvited(account: NewAccount, setupHash: string, setupExpiresAt: Date): Promise<Account | null>;
  /** A new set-up link for an account (a lost one, or a password reset by the owner); ends its sessions. */
  renewSetup(accountId: string, setupHash: string, setupExpiresAt: Date): Promise<Account | null>;
  /** Sets the password of the account whose live set-up link this is, once; null when none. */
  completeSetup(setupHash: string, passwordHash: string, at: Date): Promise<Account | null>;
  /** The account and its password hash, for signing in; null when unknown or disabled. */
  findForSignIn(email: string): Promise<{ account: Account; passwordHash: string | null } | null>;
  list(): Promise<Account[]>;
  find(id: string): Promise<Account | null>;
  update(id: string, change: Partial<Pick<Account, 'name' | 'role' | 'locale'>>): Promise<Account | null>;
  /** Disables the account and ends its sessions. */
  disable(id: string, at: Date): Promise<Account | null>;
  /** Changes the password and ends every session of the account but `keepSession`. */
  changePassword(id: string, passwordHash: string, keepSession?: string): Promise<void>;
  passwordHashOf(id: string): Promise<string | null>;
}

export interface SessionStore {
  create(session: { id: string; accountId: string; csrfToken: string; at: Date }): Promise<void>;
  /** The live session (idle less than `idleMs` at `now`), touched; null when unknown, expired or disabled. */
  use(id: string, now: Date, idleMs: number): Promise<SessionRecord | null>;
  end(id: string): Promise<void>;
  /** When a console user was last active: the desk counts as connected for a while after. */
  lastActivity(): Promise<Date | null>;
}
