// Property-based: whatever a browser or a script POSTs to the web chat, the
// server never answers 5xx and never logs at error level, and a real visitor
// is served as usual afterwards; what it refuses, it says why in the
// visitor's language. On a real app on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { locales } from '../../../core/i18n/locale.ts';
import { loadCatalogues } from '../../../core/i18n/loadCatalogues.ts';
import { fuzzedMessagePost, fuzzedPhotoPost, type FuzzedPost } from './support/fuzzedWebChatPosts.ts';

const ERROR_LEVEL = 50;
const consentPrompt = 'we need your consent';

interface LogLine {
  level: number;
  raw: string;
}

let app: RunningApp;
let dir: string;
const logs: LogLine[] = [];
/** Visitor ids the server issued, at three stages, so fuzzed posts reach the assistant and not only the edge. */
const visitors = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webchat-fuzz-'));
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    WEBCHAT_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    WEBCHAT_PHOTO_DIR: join(dir, 'photos'),
  });
  app = await startApp(
    config,
    createLogger('debug', { write: (line: string) => void logs.push({ ...JSON.parse(line), raw: line }) }),
  );
  visitors.set('visitor:consented', await visitorAfter([{ kind: 'button', payload: 'consent:yes:en' }]));
  const registration = [
    { kind: 'button', payload: 'consent:yes:en' },
    { kind: 'text', text: 'Anna' },
    { kind: 'text', text: '+37369100001' },
    { kind: 'button', payload: 'reg:skip-birthday' },
  ];
  visitors.set('visitor:member', await visitorAfter(registration));
  const withTicket = [...registration, { kind: 'button', payload: 'menu:human' }];
  withTicket[2] = { kind: 'text', text: '+37369100002' };
  visitors.set('visitor:inTicket', await visitorAfter(withTicket));
});

afterAll(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

let sequence = 0;

/** A new visitor who went through these steps; its id. */
async function visitorAfter(events: unknown[]): Promise<string> {
  let visitor: string | undefined;
  for (const event of events) {
    const response = await fetch(`${app.url}/webchat/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(visitor && { cookie: `loyalty_visitor=${visitor}` }),
      },
      body: JSON.stringify({ id: `msg-fuzz-${++sequence}`, event }),
    });
    if (response.status !== 200) throw new Error(`Setting up a visitor failed: ${response.status}.`);
    visitor = cookieOf(response) ?? visitor;
  }
  return visitor!;
}

function cookieOf(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((value) => value.startsWith('loyalty_visitor='));
  return line?.split(';')[0]!.slice('loyalty_visitor='.length);
}

function noticeIn(answer: string): unknown {
  try {
    return (JSON.parse(answer) as { notice?: unknown }).notice;
  } catch {
    return undefined;
  }
}

/** Every notice the page may show, in every language. */
const pageNotices = new Set(
  locales.flatMap((locale) => Object.values(loadCatalogues()[locale]!.webchat as Record<string, string>)),
);

async function send(path: string, post: FuzzedPost): Promise<{ status: number; notice: unknown }> {
  const headers: Record<string, string> = {};
  if (post.cookie !== undefined) headers.cookie = `loyalty_visitor=${visitors.get(post.cookie) ?? post.cookie}`;
  if (post.languageHint !== undefined) headers['accept-language'] = post.languageHint;
  if (post.origin !== undefined) headers.origin = post.origin === 'own' ? app.url : post.origin;
  if (post.contentType !== undefined) headers['content-type'] = post.contentType;
  const url = `${app.url}${path}${post.query !== undefined ? `?${post.query}` : ''}`;
  const response = await fetch(url, { method: 'POST', headers, body: post.body as BodyInit });
  const answer = await response.text();
  return { status: response.status, notice: noticeIn(answer) };
}

/** Bounded: hundreds of runs, cut short (not failed) on a slow machine. */
const bounds = { numRuns: 600, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false };

describe('the web chat under fuzzed posts', () => {
  it('answers every post without a server error or an error log, then serves a real visitor', async () => {
    const statuses = new Map<number, number>();
    const property = (path: string) => async (post: FuzzedPost) => {
      const { status, notice } = await send(path, post);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const what = `${path} ${post.contentType} ${String(post.body).slice(0, 300)}`;
      expect(status, what).toBeLessThan(500);
      // A refused post is told why in the visitor's language (a foreign page, refused with 403, is not ours to talk to).
      if (status >= 400 && status !== 403) expect(pageNotices, `${status} ${what}`).toContain(notice);
    };
    await fc.assert(fc.asyncProperty(fuzzedMessagePost, property('/webchat/messages')), bounds);
    await fc.assert(fc.asyncProperty(fuzzedPhotoPost, property('/webchat/photos')), bounds);

    expect(logs.filter((line) => line.level >= ERROR_LEVEL).map((line) => line.raw)).toEqual([]);
    // Both the edge and the assistant behind it were reached.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 403]));
    const newcomer = await fetch(`${app.url}/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ id: 'msg-after-fuzz', event: { kind: 'text', text: '/start' } }),
    });
    expect(newcomer.status).toBe(200);
    const body = (await newcomer.json()) as { replies: { text: string }[] };
    expect(body.replies.map((reply) => reply.text).join('\n')).toContain(consentPrompt);
  }, 180_000);

  it('tells a visitor whose text is too long so, in their language, and keeps nothing of it', async () => {
    const response = await fetch(`${app.url}/webchat/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'ru',
        // A visitor of its own: the fuzzing may have switched the others' language.
        cookie: `loyalty_visitor=${await visitorAfter([{ kind: 'button', payload: 'consent:yes:ro' }])}`,
      },
      body: JSON.stringify({ id: 'msg-too-long-1', event: { kind: 'text', text: 'я'.repeat(4001) } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { notice: string }).notice).toBe(
      'Acest mesaj are mai mult de 4.000 de caractere. Vă rugăm să îl trimiteți în părți mai scurte.',
    );
    expect(await app.db.prisma.ticketMessage.count({ where: { text: { startsWith: 'яяя' } } })).toBe(0);
  });
});
