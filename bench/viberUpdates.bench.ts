import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { silentLogger } from '../core/logger.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database } from '../core/storage/db/openDatabase.ts';
import { createDeliveryReceipts } from '../core/storage/outbox/createDeliveryReceipts.ts';
import { registerViberWebhook, VIBER_WEBHOOK_PATH } from '../bots/viber/registerViberWebhook.ts';
import type { ViberCall } from '../bots/viber/viberApi.ts';
import { actionBodyOf } from '../bots/viber/viberPayload.ts';
import { signViberBody } from '../bots/viber/verifyViberSignature.ts';
import { FIRST_TOKEN, messageCallback, toWireJson } from '../test/support/viberCallbacks.ts';
import { benchAssistant } from './benchAssistant.ts';
import { measure, type RunFigures } from './latency.ts';
import { seedMembers } from './seedMembers.ts';
import { updateMix } from './updateMix.ts';

const MEMBERS = 10_000;
const UPDATES = 20_000;
const WARMUP = 1_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const AUTH_TOKEN = '4453b6ac12345678-e02c5f12174805e9-9b2e2ae1fa2d7b3e';

export interface ViberBenchResult {
  assistant: RunFigures;
  queriesPerUpdate: number;
}

/**
 * The Viber webhook and core on SQLite, the same members and the same mix
 * of updates as the Telegram benchmark: each update a signed POST through
 * the Fastify route (signature check, exact-JSON parse, the core, the
 * rendering), with Viber's send_message answered in-process.
 */
export async function benchViberUpdates(): Promise<ViberBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bench-viber-'));
  let queries = 0;
  const db = openDatabase(`file:${join(dir, 'bench.db')}`, { onQuery: () => queries++ });
  const server = Fastify({ bodyLimit: 1024 * 1024 });
  try {
    await migrateDatabase(db);
    const userIds = await seedViberMembers(db);
    await registerViberWebhook(server, {
      authToken: AUTH_TOKEN,
      assistant: benchAssistant(db),
      send: {
        call: answeredInProcess(),
        sender: { name: 'Bench' },
        publish: async () => 'https://bench.example/i.png',
      },
      receipts: createDeliveryReceipts(db),
      log: silentLogger,
    });
    await server.ready();
    const posts = updateMix(userIds, UPDATES + WARMUP).map(toSignedCallback);
    const post = async (body: Post) => {
      const response = await server.inject({
        method: 'POST',
        url: VIBER_WEBHOOK_PATH,
        headers: body.headers,
        payload: body.payload,
      });
      if (response.statusCode !== 200) throw new Error(`the webhook answered ${response.statusCode}`);
    };
    await measure(posts.slice(0, WARMUP), CONCURRENCY, post);
    queries = 0;
    const measured = posts.slice(WARMUP);
    const assistant = await measure(measured, CONCURRENCY, post);
    return { assistant, queriesPerUpdate: queries / measured.length };
  } finally {
    await server.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Telegram benchmark's members, their chats moved to Viber. */
async function seedViberMembers(db: Database): Promise<number[]> {
  const userIds = await seedMembers(db, MEMBERS, 100_000);
  await db.prisma.chat.updateMany({ data: { channel: 'viber' } });
  return userIds;
}

type Post = { headers: Record<string, string>; payload: string };

let token = FIRST_TOKEN;

/** The same update as Viber would send it: a text, or a reply button's body coming back as text. */
function toSignedCallback(update: Update): Post {
  const userId = String(update.message?.chat.id ?? update.callback_query?.from.id);
  const text =
    update.callback_query?.data !== undefined ? actionBodyOf(update.callback_query.data) : (update.message?.text ?? '');
  const sender = { id: userId, name: 'Member', language: 'ru', api_version: 10 };
  const payload = toWireJson(messageCallback(sender, token++, { type: 'text', text }));
  return {
    headers: { 'content-type': 'application/json', 'x-viber-content-signature': signViberBody(payload, AUTH_TOKEN) },
    payload,
  };
}

function answeredInProcess(): ViberCall {
  let sent = FIRST_TOKEN;
  return async () => ({ status: 0, status_message: 'ok', message_token: String(sent++) });
}
