import tseslint from 'typescript-eslint';

const channelSdks = [
  {
    group: ['grammy', 'grammy/*', '@grammyjs/*'],
    message: 'core/ must not import a channel SDK; adapters live in bots/.',
  },
  { group: ['@slack/*'], message: 'core/ must not import a channel SDK; adapters live in bots/.' },
  {
    group: ['fastify', 'fastify/*', '@fastify/*', 'node:http', 'node:https'],
    message: 'core/ must not import an HTTP framework.',
  },
];
const shells = (up) => [
  { group: [`${up}bots/*`, `${up}bots/**`], message: 'core/ must not depend on channel adapters (bots/).' },
  { group: [`${up}app/*`, `${up}app/**`], message: 'core/ must not depend on the application shell (app/).' },
  { group: [`${up}api/*`, `${up}api/**`], message: 'core/ must not depend on the REST API (api/).' },
];
const noStorage = {
  group: ['**/storage/*', '**/storage/**', '@prisma/*', 'pg', 'better-sqlite3'],
  message:
    'Only core/storage may touch Prisma, SQL or a driver; a capability reaches storage through its ports (ARCHITECTURE.md).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'core/storage/generated/**', 'bots/web/page/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines': ['warn', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 40, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core knows no channel, no HTTP framework, no storage and nothing of the shell around it.
    files: ['core/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...channelSdks, ...shells('../'), noStorage] }] },
  },
  {
    files: ['core/*/**/*.ts'],
    ignores: ['core/storage/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...channelSdks, ...shells('../../'), noStorage] }] },
  },
  {
    // Storage is the only layer that knows Prisma and SQL, and it knows nothing of transports.
    files: ['core/storage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...channelSdks, ...shells('../../../')] }] },
  },
  {
    // Adapters and the REST API reach the core through its ports and services; only app/ wires storage in.
    files: ['bots/**/*.ts', 'api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...noStorage, group: ['**/core/storage/*', '**/core/storage/**', '@prisma/*', 'pg', 'better-sqlite3'] },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': 'off' },
  },
);
