import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'core/storage/generated/**', 'web/public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines': ['warn', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 40, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core knows no channel, no HTTP framework and no generated Prisma types.
    files: ['core/**/*.ts'],
    ignores: ['core/storage/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['grammy', 'grammy/*', '@grammyjs/*'], message: 'core/ must not import a channel SDK; adapters live in bots/.' },
          { group: ['@slack/*'], message: 'core/ must not import a channel SDK; adapters live in bots/.' },
          { group: ['fastify', 'fastify/*', '@fastify/*', 'node:http', 'node:https'], message: 'core/ must not import an HTTP framework.' },
          { group: ['@prisma/*', '**/storage/generated/**', 'pg', 'better-sqlite3'], message: 'Only core/storage may touch Prisma or a database driver.' },
          { group: ['**/bots/**', '**/app/**'], message: 'core/ must not depend on adapters or the application shell.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': 'off' },
  },
);
