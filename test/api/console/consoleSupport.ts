import type { ApiResponse, ApiTestApp } from '../support/apiTestApp.ts';

export const OWNER = { name: 'Ion Popescu', email: 'Owner@Shop.md', password: 'correct horse battery', locale: 'ro' };

/** A browser's view of the console: the session cookie it was given and the CSRF token it was told. */
export interface ConsoleUser {
  cookie: string;
  csrfToken: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
}

export function cookieOf(response: ApiResponse): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /loyalty_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`No session cookie in ${JSON.stringify(header)}`);
  return `loyalty_session=${match[1]}`;
}

/** Calls with the cookie, and with the CSRF token on every change, as the console page does. */
export function asUser(api: ApiTestApp, response: ApiResponse<{ csrfToken?: unknown }>): ConsoleUser {
  const cookie = cookieOf(response as ApiResponse);
  const csrfToken = String(response.body.csrfToken);
  return {
    cookie,
    csrfToken,
    call: (method, path, body) =>
      api.call(method, path, {
        token: null,
        ...(body !== undefined && { body }),
        headers: { cookie, ...(method !== 'GET' && { 'x-csrf-token': csrfToken }) },
      }),
  };
}

export async function createOwner(api: ApiTestApp): Promise<ConsoleUser> {
  const response = await api.call<{ csrfToken: string }>('POST', '/api/v1/owner', { body: OWNER });
  if (response.status !== 201) throw new Error(`owner: ${response.status} ${JSON.stringify(response.body)}`);
  return asUser(api, response);
}

export const signIn = (api: ApiTestApp, email: string, password: string) =>
  api.call<{ csrfToken: string }>('POST', '/api/v1/session', { token: null, body: { email, password } });

/** The owner invites someone, who opens the link and chooses a password; returns them signed in. */
export async function invite(api: ApiTestApp, owner: ConsoleUser, role: string, email: string): Promise<ConsoleUser> {
  const created = await owner.call<{ setupUrl: string }>('POST', '/api/v1/accounts', {
    name: role,
    email,
    role,
    locale: 'en',
  });
  if (created.status !== 201) throw new Error(`invite: ${created.status} ${JSON.stringify(created.body)}`);
  const token = created.body.setupUrl.split('/setup/')[1]!;
  const setUp = await api.call<{ csrfToken: string }>('POST', '/api/v1/account-setup', {
    token: null,
    body: { token, password: `${role} password 123` },
  });
  if (setUp.status !== 201) throw new Error(`setup: ${setUp.status} ${JSON.stringify(setUp.body)}`);
  return asUser(api, setUp);
}
