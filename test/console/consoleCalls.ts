// Calls to the running application as its people make them: the API with
// a console session (cookie and CSRF token), and a visitor of the web chat.
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Someone signed in to the console through the API: their cookie and CSRF token. */
export interface Session {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
}

export interface WebVisitor {
  says(text: string): Promise<void>;
  /** Every text the shop has sent to the chat on its own (staff replies among them). */
  inbox(): Promise<string[]>;
}

interface Sent {
  status: number;
  body: Json;
  headers: Headers;
}

export async function send(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Json };
}

export function sessionFrom(url: string, response: Sent): Session {
  if (response.status !== 201) throw new Error(`sign-in: ${response.status} ${JSON.stringify(response.body)}`);
  const match = /loyalty_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('No session cookie');
  const cookie = `loyalty_session=${match[1]}`;
  const csrfToken = String(response.body.csrfToken);
  return {
    call: (method, path, body) =>
      send(url, method, path, body, { cookie, ...(method !== 'GET' && { 'x-csrf-token': csrfToken }) }),
  };
}

/** The owner invites someone with this role; they choose `password` through their set-up link and are signed in. */
export async function invite(
  url: string,
  owner: Session,
  person: { role: string; name: string; email: string; password: string },
): Promise<Session> {
  const { role, name, email, password } = person;
  const created = await owner.call('POST', '/api/v1/accounts', { name, email, role, locale: 'en' });
  if (created.status !== 201) throw new Error(`invite: ${created.status} ${JSON.stringify(created.body)}`);
  const token = String(created.body.setupUrl).split('/setup/')[1];
  return sessionFrom(url, await send(url, 'POST', '/api/v1/account-setup', { token, password }));
}

let webMessages = 0;

export async function webVisitor(url: string, name: string, phone: string): Promise<WebVisitor> {
  let cookie = '';
  const headers = () => ({ 'accept-language': 'en', ...(cookie && { cookie }) });
  const send = async (event: unknown) => {
    const response = await fetch(`${url}/webchat/messages`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ id: `desk-page-${++webMessages}`, event }),
    });
    const issued = response.headers.getSetCookie().find((line) => line.startsWith('loyalty_visitor='));
    if (issued) cookie = issued.split(';')[0]!;
    if (!response.ok) throw new Error(`web chat: ${response.status}`);
  };
  await send({ kind: 'command', command: 'start' });
  await send({ kind: 'button', payload: 'consent:yes:en' });
  await send({ kind: 'text', text: name });
  await send({ kind: 'text', text: phone });
  await send({ kind: 'button', payload: 'reg:skip-birthday' });
  await send({ kind: 'button', payload: 'menu:human' });
  return {
    says: (text) => send({ kind: 'text', text }),
    inbox: async () => {
      const response = await fetch(`${url}/webchat/inbox`, { headers: headers() });
      const body = (await response.json()) as { messages: { text?: string }[] };
      return body.messages.map((message) => message.text ?? '');
    },
  };
}
