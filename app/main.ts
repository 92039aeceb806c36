import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger, type Pino } from './logger.ts';
import { startApp, type RunningApp } from './startApp.ts';

/** `npm start`: configuration, then the whole product on one port. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, log);
  if (app.adminToken.savedTo) {
    // The path, never the token: stdout usually ends up in a log collector. Only the token's hash is stored.
    process.stdout.write(
      `\nAn admin token was generated and written to ${app.adminToken.savedTo} (readable only by you). Keep it somewhere safe and delete the file.\n\n`,
    );
  }
  process.stdout.write(
    `Loyalty assistant is running: web chat at ${app.url}/ ${app.telegram ? `, Telegram by ${app.telegram.transport.mode}` : ''}\n`,
  );
  stopOnSignals(app, log);
}

/** Within Docker's 10-second grace before its SIGKILL, and far longer than a turn takes. */
const DRAIN_GRACE_MS = 8_000;

/**
 * SIGTERM (systemd, Docker, `kill`) or SIGINT (Ctrl-C) drains and exits:
 * no new updates, what is in flight finishes, outbox leases go back, the
 * database closes.
 */
function stopOnSignals(app: RunningApp, log: Pino): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches every process of the group and tsx relays it too: one drain, whatever the count.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining in-flight work');
    // A turn stuck on an unreachable Bot API (retries back off for minutes) must not keep the process alive.
    setTimeout(() => {
      log.error(
        { signal, graceSeconds: DRAIN_GRACE_MS / 1000 },
        'could not drain in time; exiting with work still in flight',
      );
      process.exit(1);
    }, DRAIN_GRACE_MS).unref();
    app.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  // Configuration and start-up problems are one readable line, not a stack trace.
  const line =
    error instanceof ConfigError
      ? error.message
      : `Could not start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
