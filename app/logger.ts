import { pino, type Logger as Pino } from 'pino';

/**
 * Structured JSON logs. Personal data never belongs in a log line; the
 * redaction is a safety net for a field that slips through, not the rule.
 */
export function createLogger(level: string): Pino {
  return pino({
    level,
    redact: {
      paths: ['phone', 'name', '*.phone', '*.name', 'contact', '*.contact', 'text', '*.text', 'req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]'],
      censor: '[redacted]',
    },
  });
}

export type { Pino };
