import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startApp } from './startApp.ts';

/** `npm start`: configuration, then the whole product on one port. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, log);
  if (app.adminToken.savedTo) {
    // The path, never the token: stdout usually ends up in a log collector. Only the token's hash is stored.
    process.stdout.write(`\nAn admin token was generated and written to ${app.adminToken.savedTo} (readable only by you). Keep it somewhere safe and delete the file.\n\n`);
  }
  process.stdout.write(`Loyalty assistant is running: web chat at ${app.url}/ ${app.telegram ? `, Telegram by ${app.telegram.transport.mode}` : ''}\n`);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration and start-up problems are one readable line, not a stack trace.
  const line = error instanceof ConfigError ? error.message : `Could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
