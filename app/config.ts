import { isIP } from 'node:net';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { providerOf } from '../core/storage/db/openDatabase.ts';
import { locales } from '../core/i18n/locale.ts';

const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);
const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
/** An integer variable; an empty value (`PORT=` in a .env template) means "use the default". */
const integerOr = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, integer(min, max).default(fallback));
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/**
 * The configuration contract (README.md, "Configuration"). Every variable is validated at
 * start-up; the first problem stops the program with one line naming it.
 */
export const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default('file:./data/loyalty.db')
      .refine(isDatabaseUrl, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)'),
    PORT: integerOr(0, 65535, 3000),
    HOST: z.string().default('0.0.0.0'),
    /**
     * Whose forwarding headers (X-Forwarded-For…) to believe: off, `true` (any
     * peer), a hop count, or the proxies' addresses. Believing anyone would let
     * a client pick its own address and so its own rate-limit bucket.
     */
    TRUST_PROXY: z.preprocess(blankIsUnset, z.string().default('false')).transform((value, ctx) => {
      const trust = trustProxyOf(value.trim());
      if (trust === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be false, true, a number of proxy hops, or comma-separated proxy addresses (e.g. 127.0.0.1,10.0.0.0/8)',
        });
        return z.NEVER;
      }
      return trust;
    }),
    /** Sites allowed to embed the web chat in a frame: the CSP `frame-ancestors` sources. */
    WEBCHAT_FRAME_ANCESTORS: z.preprocess(blankIsUnset, z.string().default("'none'")).transform((value, ctx) => {
      const sources = value.trim().split(/\s+/);
      const valid = sources.every((source) =>
        /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9.-]+(?::\d{1,5})?)$/i.test(source),
      );
      if (!(sources.length === 1 && sources[0] === "'none'") && !valid) {
        ctx.addIssue({
          code: 'custom',
          message:
            "must be 'none', or a space-separated list of 'self' and origins such as https://shop.example or https://*.shop.example",
        });
        return z.NEVER;
      }
      return sources;
    }),
    /** Where photos attached in the web chat are kept until the desk has posted them (30 days). */
    WEBCHAT_PHOTO_DIR: z.preprocess(blankIsUnset, z.string().default('./data/webchat-photos')),
    /** Where cleaned pictures are kept: campaign images and contest entries, served at `/media/{id}`. */
    MEDIA_DIR: z.preprocess(blankIsUnset, z.string().default('./data/media')),
    /** Web chat posts a visitor may make per minute. */
    WEBCHAT_RATE_LIMIT_PER_MINUTE: integerOr(1, 100_000, 30),
    /** REST API requests per minute per API key (or admin token). */
    API_RATE_LIMIT_PER_MINUTE: integerOr(1, 1_000_000, 600),
    /** Member look-ups by phone per minute per API key: enough for a till, too few to walk a country's numbers. */
    API_PHONE_LOOKUPS_PER_MINUTE: integerOr(1, 1_000_000, 60),
    /** Web chat posts and API requests per minute from one address, whoever they claim to be. */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: integerOr(1, 1_000_000, 1200),
    PUBLIC_URL: optional(url),
    ADMIN_TOKEN: optional(
      z.string().min(32, 'must be at least 32 characters long (for example the output of: openssl rand -base64 32)'),
    ),
    DEFAULT_LOCALE: z.enum(locales, { error: `must be one of ${locales.join(', ')}` }).default('ru'),
    PROGRAM_TIMEZONE: z
      .string()
      .default('Europe/Chisinau')
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Chisinau'),
    PHONE_REGION: z
      .string()
      .default('MD')
      .refine(isSupportedCountry, 'must be a two-letter country code such as MD, RO or RU'),
    WELCOME_BONUS_POINTS: integerOr(0, 1_000_000, 100),
    POINTS_LIFETIME_DAYS: integerOr(0, 36_500, 365),
    TELEGRAM_BOT_TOKEN: optional(
      z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… as given by @BotFather'),
    ),
    TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_SECRET: optional(
      z.string().regex(/^[\w-]{1,256}$/, 'must be 1–256 characters of A–Z, a–z, 0–9, _ and -'),
    ),
    /** Messages per second the outbox sends to Telegram (30 is Telegram's limit without paid broadcasts). */
    TELEGRAM_RATE_PER_SECOND: integerOr(1, 1_000, 30),
    TELEGRAM_BOT_USERNAME: optional(
      z
        .string()
        .transform((name) => name.replace(/^@/, ''))
        .pipe(
          z
            .string()
            .regex(
              /^[A-Za-z][A-Za-z0-9_]{3,31}$/,
              'must be the bot’s @username as shown by @BotFather, e.g. MyShopBot',
            ),
        ),
    ),
    /** Turns the Viber channel on (it also needs PUBLIC_URL: Viber has no polling). */
    VIBER_AUTH_TOKEN: optional(
      z
        .string()
        .regex(
          /^[0-9a-z]{8,}(?:-[0-9a-z]{8,}){1,4}$/i,
          'must be the token the Viber Admin Panel shows for the bot, such as 4453b6ac12345678-e02c5f12174805e9-9b2e2ae1fa2d7b3e',
        ),
    ),
    VIBER_API_URL: url.default('https://chatapi.viber.com/pa'),
    /** The name Viber shows as the sender of every message. */
    VIBER_BOT_NAME: optional(
      z
        .string()
        .trim()
        .min(1, 'must not be blank')
        .max(28, 'must be at most 28 characters (Viber’s limit for a sender name)'),
    ),
    VIBER_BOT_AVATAR: optional(url),
    /** The bot's URI as the Viber Admin Panel shows it, for invitation deep links (`viber://pa?chatURI=…`). */
    VIBER_CHAT_URI: optional(
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be the bot’s URI as the Viber Admin Panel shows it, e.g. myshop'),
    ),
    /** Messages per second the outbox sends to Viber. */
    VIBER_RATE_PER_SECOND: integerOr(1, 1_000, 30),
    SLACK_BOT_TOKEN: optional(
      z
        .string()
        .regex(/^xoxb-[\w-]+$/, 'must be the bot token Slack shows under OAuth & Permissions, starting with xoxb-'),
    ),
    SLACK_SIGNING_SECRET: optional(
      z
        .string()
        .regex(
          /^[0-9a-f]{16,}$/i,
          'must be the signing secret from the Slack app’s Basic Information page (hexadecimal)',
        ),
    ),
    SLACK_STAFF_CHANNEL: optional(
      z
        .string()
        .regex(
          /^[CG][A-Z0-9]{6,}$/,
          'must be the staff channel’s id (C… or G…, shown at the bottom of its details), not its name',
        ),
    ),
    /** Where contest entries are posted for Approve or Reject; the staff channel when unset. */
    SLACK_MODERATION_CHANNEL: optional(
      z
        .string()
        .regex(
          /^[CG][A-Z0-9]{6,}$/,
          'must be the moderation channel’s id (C… or G…, shown at the bottom of its details), not its name',
        ),
    ),
    SLACK_API_URL: z
      .preprocess(blankIsUnset, url.default('https://slack.com/api/'))
      .transform((value) => (value.endsWith('/') ? value : `${value}/`)),
    /** Posts per second to the staff channel (Slack allows about one per second per channel, with short bursts). */
    SLACK_RATE_PER_SECOND: integerOr(1, 100, 1),
    /** The wait customers are told to expect for a person's answer. */
    DESK_EXPECTED_WAIT_MINUTES: integerOr(1, 10_080, 15),
    /** Customer messages per ticket relayed to the staff channel one by one within a minute; more are merged into one post. */
    DESK_RELAY_PER_MINUTE: integerOr(1, 10_000, 10),
    /** A console session ends after this many minutes without a request. */
    CONSOLE_SESSION_IDLE_MINUTES: integerOr(5, 7 * 24 * 60, 60),
    /** Minutes after opening at which an untaken ticket is announced again with @here: a comma-separated ascending list. */
    DESK_REANNOUNCE_MINUTES: z.preprocess(blankIsUnset, z.string().default('10,30')).transform((value, ctx) => {
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const minutes = parts.map(Number);
      const wellFormed =
        parts.length > 0 && parts.every((part) => /^\d{1,5}$/.test(part)) && minutes.every((m) => m > 0 && m <= 10_080);
      if (!wellFormed || minutes.some((m, i) => i > 0 && m <= minutes[i - 1]!)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be ascending whole minutes (1–10080) separated by commas, e.g. 10,30',
        });
        return z.NEVER;
      }
      return minutes;
    }),
    /** Customers see the first name of the staff member who answers them. */
    DESK_SHOW_STAFF_NAME: z
      .preprocess(blankIsUnset, z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'))
      .transform((value) => value === 'true'),
    /** Staff see members' whole phone numbers in the staff channel; by default only the last four digits. */
    DESK_SHOW_PHONE: z
      .preprocess(blankIsUnset, z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'))
      .transform((value) => value === 'true'),
    /** The language of what the desk writes in Slack (default: DEFAULT_LOCALE). */
    STAFF_LOCALE: optional(z.enum(locales, { error: `must be one of ${locales.join(', ')}` })),
    JOBS_INTERVAL_SECONDS: integerOr(0, 86_400, 60),
    /** Where the scheduled backups of the embedded SQLite database go; unset (the default) takes none. */
    BACKUP_DIR: optional(z.string().trim().min(1, 'must be a directory')),
    /** Hours between two scheduled backups. */
    BACKUP_EVERY_HOURS: integerOr(1, 8_760, 24),
    /** Scheduled backups kept in BACKUP_DIR; older ones are removed. */
    BACKUP_KEEP: integerOr(1, 10_000, 7),
    /** Bearer token that opens GET /metrics on the main port; without it (or METRICS_PORT) /metrics is off. */
    METRICS_TOKEN: optional(
      z.string().min(32, 'must be at least 32 characters long (for example the output of: openssl rand -base64 32)'),
    ),
    /** A port of its own, on 127.0.0.1 only, that serves GET /metrics without a token (0: any free port). */
    METRICS_PORT: optional(integer(0, 65535)),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.PUBLIC_URL && config.TELEGRAM_BOT_TOKEN && !config.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message:
          'is required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set (webhook mode), so that only Telegram can call the webhook',
      });
    }
    if (config.VIBER_AUTH_TOKEN && !config.VIBER_BOT_NAME) {
      ctx.addIssue({
        code: 'custom',
        path: ['VIBER_BOT_NAME'],
        message:
          'is required when VIBER_AUTH_TOKEN is set: Viber shows it as the sender of every message (at most 28 characters)',
      });
    }
    refineOperations(config, ctx);
    // The staff desk needs all three Slack variables or none of them.
    const slack = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_STAFF_CHANNEL'] as const;
    const missing = slack.filter((name) => !config[name]);
    if (missing.length > 0 && missing.length < slack.length) {
      ctx.addIssue({
        code: 'custom',
        path: [missing[0]!],
        message: `is required when ${slack.filter((name) => config[name]).join(' and ')} ${slack.length - missing.length === 1 ? 'is' : 'are'} set (the staff desk in Slack needs all three)`,
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** One line that names the variable and says what is wrong. */
export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'configuration');
  const value = env[name];
  const shown = value === undefined || /TOKEN|SECRET|DATABASE_URL/.test(name) ? '' : ` (got "${value}")`;
  throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}.`);
}

/** Backups and metrics: each setting that cannot work with the others is named. */
function refineOperations(
  config: { DATABASE_URL: string; BACKUP_DIR?: string; PORT: number; METRICS_PORT?: number },
  ctx: z.RefinementCtx,
): void {
  if (config.BACKUP_DIR && providerOf(config.DATABASE_URL) === 'postgresql') {
    ctx.addIssue({
      code: 'custom',
      path: ['BACKUP_DIR'],
      message: 'is for the embedded SQLite database; back up PostgreSQL with pg_dump -Fc (README, "Backups")',
    });
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT) {
    ctx.addIssue({
      code: 'custom',
      path: ['METRICS_PORT'],
      message: 'must differ from PORT: the metrics port is served on 127.0.0.1 only',
    });
  }
}

function isDatabaseUrl(value: string): boolean {
  try {
    providerOf(value);
    return true;
  } catch {
    return false;
  }
}

/** Fastify's `trustProxy`: false, true, a hop count or a list of addresses; undefined when unreadable. */
function trustProxyOf(value: string): boolean | number | string | undefined {
  if (/^(false|off|no|0)$/i.test(value)) return false;
  if (/^(true|on|yes)$/i.test(value)) return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const addresses = value.split(',').map((part) => part.trim());
  const valid = addresses.every((address) => {
    const [ip, prefix, extra] = address.split('/');
    return extra === undefined && isIP(ip ?? '') !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
  });
  return valid ? addresses.join(',') : undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
