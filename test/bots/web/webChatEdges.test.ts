// The web chat's edges over real HTTP on loopback: who a visitor is, the
// headers every response carries, foreign origins, and floods.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { loopbackConfig } from '../../support/loopbackApp.ts';

const dirs: string[] = [];
const running: RunningApp[] = [];

async function start(
  env: Record<string, string> = {},
  dir = mkdtempSync(join(tmpdir(), 'webchat-edges-')),
): Promise<RunningApp> {
  if (!dirs.includes(dir)) dirs.push(dir);
  const app = await startApp(loopbackConfig(dir, env), createLogger('silent'));
  running.push(app);
  return app;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Posted {
  status: number;
  headers: Headers;
  body: { replies?: { text: string }[]; notice?: string; error?: string };
  cookie: string | undefined;
}

let sequence = 0;

/** Posts a text as a visitor holding `cookie` (a raw cookie value, or none). */
async function post(
  app: RunningApp,
  text: string,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Posted> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': 'en',
    ...options.headers,
  };
  if (options.cookie) headers.cookie = `loyalty_visitor=${options.cookie}`;
  const response = await fetch(`${app.url}/webchat/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id: `msg-${++sequence}-abcdef`, event: { kind: 'text', text } }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
    cookie: issuedCookie(response),
  };
}

function issuedCookie(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith('loyalty_visitor='));
  return line?.split(';')[0]!.slice('loyalty_visitor='.length);
}

const consentPrompt = 'we need your consent';

describe('visitor ids', () => {
  it('replaces an id the server did not issue, so a planted cookie cannot be used to read along later', async () => {
    const app = await start();
    const planted = 'Attacker-chosen-id-0123456789';
    const victim = await post(app, 'hello', { cookie: planted });
    expect(victim.cookie).toBeDefined();
    expect(victim.cookie).not.toContain(planted);
    await post(app, '/start', { cookie: victim.cookie! });
    const accepted = await fetch(`${app.url}/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `loyalty_visitor=${victim.cookie}` },
      body: JSON.stringify({ id: 'msg-consent-1', event: { kind: 'button', payload: 'consent:yes:en' } }),
    });
    expect(((await accepted.json()) as Posted['body']).replies?.map((reply) => reply.text)).toContain(
      'What is your name?',
    );

    const attacker = await post(app, 'Anna', { cookie: planted });
    expect(attacker.cookie).not.toBe(victim.cookie);
    expect(attacker.body.replies?.[0]?.text).toContain(consentPrompt);
    expect(JSON.stringify(attacker.body)).not.toContain('Nice to meet you');
  });

  it('keeps recognising the ids it issued, also after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webchat-edges-'));
    const first = await start({}, dir);
    const visitor = (await post(first, '/start')).cookie!;
    const again = await post(first, 'hello', { cookie: visitor });
    expect(again.cookie).toBeUndefined();
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const restarted = await start({}, dir);
    const afterRestart = await post(restarted, 'hello', { cookie: visitor });
    expect(afterRestart.cookie).toBeUndefined();
  });

  it('refuses a forged signature on a well-formed id', async () => {
    const app = await start();
    const visitor = (await post(app, '/start')).cookie!;
    const forged = `${visitor.slice(0, -1)}${visitor.endsWith('A') ? 'B' : 'A'}`;
    const answer = await post(app, 'hello', { cookie: forged });
    expect(answer.cookie).toBeDefined();
    expect(answer.cookie).not.toBe(forged);
  });
});

describe('headers on every response', () => {
  it.each(['/', '/webchat/chat.js', '/healthz', '/api/openapi.json', '/api/v1/members'])(
    '%s carries the CSP (with frame-ancestors), nosniff and a referrer policy',
    async (path) => {
      const app = await start();
      const response = await fetch(`${app.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      // Quiz pictures may come from any https site; nothing else may.
      expect(csp).toContain("img-src 'self' data: https:;");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('lets the sites named in WEBCHAT_FRAME_ANCESTORS embed the chat', async () => {
    const app = await start({ WEBCHAT_FRAME_ANCESTORS: "'self' https://shop.example" });
    const response = await fetch(`${app.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://shop.example");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });
});

describe('POST /webchat/messages from another site', () => {
  it('is refused with 403 and changes nothing', async () => {
    const app = await start();
    const chats = await app.db.prisma.chat.count();
    const foreign = await post(app, '/start', { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.replies).toBeUndefined();
    expect(await app.db.prisma.chat.count()).toBe(chats);
    const sandboxed = await post(app, '/start', { headers: { origin: 'null' } });
    expect(sandboxed.status).toBe(403);
  });

  it('is answered when it comes from the chat page itself', async () => {
    const app = await start();
    const own = await post(app, '/start', { headers: { origin: app.url } });
    expect(own.status).toBe(200);
    expect(own.body.replies?.map((reply) => reply.text).join('\n')).toContain(consentPrompt);
  });
});

describe('web chat floods', () => {
  it('answers the 31st post in a minute with 429, Retry-After and a polite message in the visitor’s language', async () => {
    const app = await start();
    const visitor = (await post(app, '/start', { headers: { 'accept-language': 'ru' } })).cookie!;
    for (let i = 2; i <= 30; i++)
      expect((await post(app, 'привет', { cookie: visitor, headers: { 'accept-language': 'ru' } })).status).toBe(200);
    const flooded = await post(app, 'привет', { cookie: visitor, headers: { 'accept-language': 'ru' } });
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(flooded.body.notice).toBe('Вы пишете быстрее, чем я успеваю читать. Сообщение отправится через минутку.');

    const someoneElse = await post(app, '/start');
    expect(someoneElse.status).toBe(200);
  });

  it('limits an address however many visitors it claims to be, and ignores forwarding headers unless TRUST_PROXY is set', async () => {
    const app = await start({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(app, '/start', { headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('keys the address limit by the forwarded address when TRUST_PROXY is set', async () => {
    const app = await start({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(app, '/start', { headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
