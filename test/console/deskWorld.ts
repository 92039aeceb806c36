// The desk inbox page as support meets it: the real application with its
// Telegram channel talking to the fake Bot API (so a reply is seen arriving
// in the customer's chat), the console in Debian's Chromium, and accounts
// made through the API as the owner would make them.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TelegramHarness } from '../bots/telegram/support/telegramHarness.ts';
import { launchChromium } from '../support/chromium.ts';

export const DESK_ADMIN_TOKEN = 'desk-page-admin-token-0123456789abcdef';
export const DESK_OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Someone signed in to the console through the API: their cookie and CSRF token. */
export interface Session {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
}

export interface DeskWorld {
  telegram: TelegramHarness;
  url: string;
  owner: Session;
  /** The owner invites someone with this role; they choose `password` through their set-up link. */
  invite(role: string, name: string, email: string, password: string): Promise<Session>;
  /** A visitor of the web chat, registered, who has asked for a person. */
  webVisitor(name: string, phone: string): Promise<WebVisitor>;
  open(options?: { width?: number }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export interface WebVisitor {
  says(text: string): Promise<void>;
  /** Every text the shop has sent to the chat on its own (staff replies among them). */
  inbox(): Promise<string[]>;
}

export async function startDeskWorld(): Promise<DeskWorld> {
  const telegram = await TelegramHarness.start({ env: { ADMIN_TOKEN: DESK_ADMIN_TOKEN, DEFAULT_LOCALE: 'en' } });
  const url = telegram.app.url;
  const owner = sessionFrom(
    url,
    await send(
      url,
      'POST',
      '/api/v1/owner',
      { ...DESK_OWNER, locale: 'en' },
      { authorization: `Bearer ${DESK_ADMIN_TOKEN}` },
    ),
  );
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    telegram,
    url,
    owner,
    invite: async (role, name, email, password) => {
      const created = await owner.call('POST', '/api/v1/accounts', { name, email, role, locale: 'en' });
      if (created.status !== 201) throw new Error(`invite: ${created.status} ${JSON.stringify(created.body)}`);
      const token = String(created.body.setupUrl).split('/setup/')[1];
      return sessionFrom(url, await send(url, 'POST', '/api/v1/account-setup', { token, password }));
    },
    webVisitor: (name, phone) => webVisitor(url, name, phone),
    open: async ({ width = 1280 } = {}) => {
      // The page's CSP forbids injected scripts, axe-core's included: only the test's context bypasses it.
      const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 }, bypassCSP: true });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${url}/admin`);
      return page;
    },
    closePages: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    stop: async () => {
      await browser.close();
      await telegram.stop();
    },
  };
}

interface Sent {
  status: number;
  body: Json;
  headers: Headers;
}

async function send(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Json };
}

function sessionFrom(url: string, response: Sent): Session {
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

let webMessages = 0;

async function webVisitor(url: string, name: string, phone: string): Promise<WebVisitor> {
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
