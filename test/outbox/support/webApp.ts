// The real application with only the web chat, on a fresh SQLite file.
import type { RunningApp } from '../../../app/startApp.ts';
import { enqueue } from '../../../core/storage/outbox/enqueue.ts';
import { startLoopbackApp } from '../../support/loopbackApp.ts';

export interface WebApp {
  app: RunningApp;
  /** Writes a message for a web visitor to the outbox and nudges the dispatcher. */
  send(visitor: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  const loopback = await startLoopbackApp('outbox-web-', { DEFAULT_LOCALE: 'en' });
  const { app } = loopback;
  return {
    app,
    async send(visitor, text) {
      await enqueue(app.db, {
        memberId: null,
        channel: 'web',
        address: visitor,
        dedupeKey: `test:${visitor}:${text}`,
        message: { text },
      });
      app.outbox.nudge();
    },
    stop: () => loopback.stop(),
  };
}

/** The visitor id a response's Set-Cookie gave. */
export function visitorFrom(response: Response): string {
  const match = /loyalty_visitor=([\w-]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!match) throw new Error('the page set no visitor cookie');
  return match[1]!;
}
