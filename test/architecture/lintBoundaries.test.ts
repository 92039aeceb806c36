// The folder boundaries in ARCHITECTURE.md are lint rules, so a change that
// crosses one fails `npm test` instead of waiting for a reviewer to notice.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the folder boundaries', () => {
  it('keep channel SDKs, HTTP frameworks, the shell and the REST API out of the core', async () => {
    const code = [
      "import { Bot } from 'grammy';",
      "import fastify from 'fastify';",
      "import { startApp } from '../../app/startApp.ts';",
      "import { registerApi } from '../../api/registerApi.ts';",
      "import { createTelegramBot } from '../../bots/telegram/createTelegramBot.ts';",
      'export const all = [Bot, fastify, startApp, registerApi, createTelegramBot];',
    ].join('\n');
    expect(await refusals('core/quizzes/startQuiz.ts', code)).toHaveLength(5);
  });

  it("keep a capability out of any storage, its own or another's", async () => {
    const code =
      "import { recordPurchase } from '../storage/points/recordPurchase.ts';\nexport const x = recordPurchase;";
    expect(await refusals('core/quizzes/scoreQuiz.ts', code)).toEqual([expect.stringContaining('through its ports')]);
  });

  it("let a capability use its own and other capabilities' ports", async () => {
    const code =
      "import type { LedgerReads } from '../points/pointsPorts.ts';\nimport type { ApiKeyStore } from '../api/apiPorts.ts';\nexport type X = LedgerReads | ApiKeyStore;";
    expect(await refusals('core/quizzes/quizzesPorts.ts', code)).toEqual([]);
  });

  it('keep transports and the shell out of storage', async () => {
    const code =
      "import fastify from 'fastify';\nimport { config } from '../../../app/config.ts';\nexport const x = [fastify, config];";
    expect(await refusals('core/storage/quizzes/createQuizStore.ts', code)).toHaveLength(2);
  });

  it('keep the adapters and the REST API out of storage', async () => {
    const code =
      "import { openDatabase } from '../../core/storage/db/openDatabase.ts';\nexport const x = openDatabase;";
    expect(await refusals('bots/viber/startViber.ts', code)).toHaveLength(1);
    expect(await refusals('api/routes/quizRoutes.ts', code.replace('../../core', '../../core'))).toHaveLength(1);
  });
});
