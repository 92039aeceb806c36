import { pino, stdSerializers, type DestinationStream, type Logger as Pino } from 'pino';

/**
 * Fields that may carry what a person wrote or who they are, wherever they
 * sit. Code logs ids (member, ticket, outbox, update), never content; this
 * list is the safety net for a field that slips through, not the rule.
 */
const PERSONAL = ['phone', 'name', 'firstName', 'text', 'caption', 'contact', 'cardNumber', 'token', 'payload', 'body'];
const SECRET_HEADERS = ['authorization', 'cookie', '"x-telegram-bot-api-secret-token"', '"x-slack-signature"'];

/** Structured JSON logs, to stdout unless a destination is given (tests read them). */
export function createLogger(level: string, destination?: DestinationStream): Pino {
  const paths = [
    ...PERSONAL.flatMap((field) => [field, `*.${field}`]),
    ...SECRET_HEADERS.map((header) => `req.headers.${header}`),
  ];
  const options = { level, redact: { paths, censor: '[redacted]' }, serializers: { err: errorWithoutContent } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as pino would log it, minus what a failed API call carries of the
 * request: grammY's errors hold the whole call (`payload`: chat id, the
 * message text or caption with a name, card number and till code), Slack's
 * the request data. The method, code and description say what went wrong.
 */
function errorWithoutContent(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['payload', 'data', 'request', 'config', 'headers']) delete serialized[key];
  return serialized;
}

export type { Pino };
