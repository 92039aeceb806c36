import type { FastifyInstance } from 'fastify';
import type { Assistant } from '../core/assistant.ts';
import type { Logger } from '../core/logger.ts';
import type { RateLimits } from '../core/outbox/sendGate.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createDeliveryReceipts } from '../core/storage/outbox/createDeliveryReceipts.ts';
import { createPublishedImages } from '../core/storage/media/createPublishedImages.ts';
import { registerViberWebhook } from '../bots/viber/registerViberWebhook.ts';
import type { ViberSendDeps } from '../bots/viber/sendViberReply.ts';
import { setViberWebhook } from '../bots/viber/startViber.ts';
import { createViberApi } from '../bots/viber/viberApi.ts';
import { registerViberImages, viberImagePublisher } from '../bots/viber/viberImages.ts';
import type { Config } from './config.ts';

export type ViberConfig = Pick<
  Config,
  'VIBER_AUTH_TOKEN' | 'VIBER_API_URL' | 'VIBER_BOT_NAME' | 'VIBER_BOT_AVATAR' | 'VIBER_RATE_PER_SECOND' | 'PUBLIC_URL'
>;

/** Viber refuses more than 100 unanswered messages an hour to one person. */
export const VIBER_PER_USER_PER_HOUR = 100;

/** How the turn's answers and the outbox send to Viber; null when the channel is off. */
export function viberSendDepsFor(config: ViberConfig, db: Database, clock: () => Date): ViberSendDeps | null {
  if (!config.VIBER_AUTH_TOKEN || !config.PUBLIC_URL || !config.VIBER_BOT_NAME) return null;
  return {
    call: createViberApi({ apiUrl: config.VIBER_API_URL, authToken: config.VIBER_AUTH_TOKEN }),
    sender: { name: config.VIBER_BOT_NAME, ...(config.VIBER_BOT_AVATAR && { avatar: config.VIBER_BOT_AVATAR }) },
    publish: viberImagePublisher(createPublishedImages(db), config.PUBLIC_URL, clock),
  };
}

export function viberLimitsOf(config: ViberConfig): RateLimits {
  return {
    perSecond: config.VIBER_RATE_PER_SECOND,
    perAddressIntervalMs: 0,
    perAddressPerHour: VIBER_PER_USER_PER_HOUR,
  };
}

export interface ViberChannel {
  /** Registers the webhook; call it once the server listens, since Viber calls the URL to check it. */
  setWebhook(): Promise<boolean>;
}

/**
 * The Viber channel's routes (the webhook and the pictures Viber fetches).
 * Without PUBLIC_URL it stays off, saying so in one line: Viber only
 * delivers to a webhook.
 */
export async function connectViber(
  config: ViberConfig,
  server: FastifyInstance,
  deps: { db: Database; assistant: Assistant; log: Logger; clock: () => Date },
): Promise<ViberChannel | null> {
  const send = viberSendDepsFor(config, deps.db, deps.clock);
  if (!send || !config.PUBLIC_URL) {
    deps.log.warn(
      {},
      'viber: VIBER_AUTH_TOKEN is set but PUBLIC_URL is not; Viber delivers only to a public webhook, so the Viber channel stays off',
    );
    return null;
  }
  await registerViberWebhook(server, {
    authToken: config.VIBER_AUTH_TOKEN!,
    assistant: deps.assistant,
    send,
    receipts: createDeliveryReceipts(deps.db),
    log: deps.log,
  });
  registerViberImages(server, createPublishedImages(deps.db), deps.clock);
  const publicUrl = config.PUBLIC_URL;
  return { setWebhook: () => setViberWebhook(send.call, publicUrl, deps.log) };
}
