import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramBot } from '../bots/telegram/createTelegramBot.ts';
import { silentLogger } from '../core/logger.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database } from '../core/storage/db/openDatabase.ts';
import { createQuizPlayStore } from '../core/storage/quizzes/createQuizPlayStore.ts';
import { createQuizStore } from '../core/storage/quizzes/createQuizStore.ts';
import type { QuizQuestion } from '../core/quizzes/quiz.ts';
import { makeBotToken, makeBotUser } from '../test/support/botApiResults.ts';
import { fakeBotApiTransformer } from '../test/support/fakeBotApiTransformer.ts';
import { callbackUpdate, commandUpdate } from '../test/support/telegramUpdates.ts';
import { benchAssistant } from './benchAssistant.ts';
import { type RunFigures } from './latency.ts';
import { seedMembers } from './seedMembers.ts';

const MEMBERS = Number(process.env.BENCH_QUIZ_MEMBERS ?? 1_000);
const QUESTIONS = 10;

export interface QuizBenchResult {
  members: number;
  answers: RunFigures;
  menu: RunFigures;
  echo: RunFigures;
  queriesPerAnswer: number;
  started: number;
  /** Updates our code failed on (answered with the apology): a figure that counts them would flatter. */
  failures: number;
  /** The last line of each kind of error, with how often. */
  failedWith: Record<string, number>;
  scored: number;
}

/**
 * 1,000 members playing one quiz at once through the Telegram adapter on
 * SQLite (each member answers question after question, all members at the
 * same time), beside the menu path and a bare grammY echo bot fed the same
 * stream of button presses at the same concurrency, in one run.
 */
export async function benchQuizzes(): Promise<QuizBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-quiz-bench-'));
  let queries = 0;
  const db = openDatabase(`file:${join(dir, 'bench.db')}`, { onQuery: () => queries++ });
  try {
    await migrateDatabase(db);
    const userIds = await seedMembers(db, MEMBERS, 200_000);
    await createQuiz(db);
    let failures = 0;
    const why = new Map<string, number>();
    const bot = assistantBot(db, (fields) => {
      failures += 1;
      const err = (fields as { err?: { message?: string } }).err?.message ?? 'unknown';
      const kind = err.split('\n').filter(Boolean).at(-1)!.slice(0, 120);
      why.set(kind, (why.get(kind) ?? 0) + 1);
    });
    let updateId = 0;
    const next = (draft: ReturnType<typeof callbackUpdate>) => ({ ...draft, update_id: (updateId += 1) }) as Update;
    // Everyone opens the quiz first (not measured): the first question is sent, its clock starts.
    await perMember(userIds, 1, async (userId) => bot.handleUpdate(next(commandUpdate(userId, '/quiz'))));
    const attempts = new Map(
      (await db.prisma.quizAttempt.findMany({ include: { member: { include: { chats: true } } } })).map((a) => [
        Number(a.member.chats[0]!.address),
        a.id,
      ]),
    );
    queries = 0;
    const answers = await perMember(userIds, QUESTIONS, (userId, question) =>
      bot.handleUpdate(next(callbackUpdate(userId, `quiz:${attempts.get(userId)}:${question}:${question % 4}`))),
    );
    const queriesPerAnswer = queries / answers.count;
    const menu = await perMember(userIds, QUESTIONS, (userId) =>
      bot.handleUpdate(next(callbackUpdate(userId, 'menu:balance'))),
    );
    const echo = echoBot();
    const echoFigures = await perMember(userIds, QUESTIONS, (userId, question) =>
      echo.handleUpdate(next(callbackUpdate(userId, `quiz:${attempts.get(userId)}:${question}:0`))),
    );
    const scored = await db.prisma.quizAttempt.count({ where: { completedAt: { not: null } } });
    return {
      members: MEMBERS,
      answers,
      menu,
      echo: echoFigures,
      queriesPerAnswer,
      started: attempts.size,
      failures,
      failedWith: Object.fromEntries(why),
      scored,
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every member at once, each doing `rounds` things one after the other; each thing timed. */
async function perMember(
  userIds: number[],
  rounds: number,
  work: (userId: number, round: number) => Promise<void>,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    userIds.map(async (userId) => {
      for (let round = 0; round < rounds; round += 1) {
        const t0 = performance.now();
        await work(userId, round);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { count: latencies.length, seconds, perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function createQuiz(db: Database): Promise<void> {
  const question = (index: number): QuizQuestion => ({
    text: { en: `Question ${index + 1}?` },
    options: [{ en: 'A' }, { en: 'B' }, { en: 'C' }, { en: 'D' }],
    correct: [index % 4],
  });
  const now = Date.now();
  await createQuizStore(db).create(
    {
      title: { en: 'Bench quiz', ru: 'Викторина', ro: 'Chestionar' },
      questions: Array.from({ length: QUESTIONS }, (_, index) => question(index)),
      pointsPerCorrect: 10,
      perfectBonus: 5,
      secondsPerQuestion: 120,
      opensAt: new Date(now - 3_600_000),
      closesAt: new Date(now + 86_400_000),
    },
    true,
    new Date(now),
  );
}

function assistantBot(db: Database, failed: (fields: unknown) => void): Bot {
  const log = { ...silentLogger, error: failed };
  const bot = createTelegramBot({
    token: makeBotToken(1),
    apiRoot: 'http://127.0.0.1:9',
    assistant: benchAssistant(db, { quizzes: createQuizPlayStore(db), log }),
    log: silentLogger,
    botInfo: makeBotUser(),
  });
  bot.api.config.use(fakeBotApiTransformer());
  return bot;
}

function echoBot(): Bot {
  const bot = new Bot(makeBotToken(1), { botInfo: makeBotUser() });
  bot.api.config.use(fakeBotApiTransformer());
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.callbackQuery.data);
  });
  return bot;
}
