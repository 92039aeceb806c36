import type { Logger } from '../../core/logger.ts';
import { VIBER_WEBHOOK_PATH } from './registerViberWebhook.ts';
import { ViberApiError, type ViberCall } from './viberApi.ts';

/** The callbacks we ask for; `message` (and the URL check) come whatever the list says. */
const EVENT_TYPES = ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed', 'conversation_started'];

/**
 * Registers the webhook with `set_webhook`. Viber checks the URL by calling
 * it (event `webhook`) before it answers, so the server must be listening
 * already. A refusal is one error line and the rest of the product runs:
 * resolves to whether the webhook is set.
 */
export async function setViberWebhook(call: ViberCall, publicUrl: string, log: Logger): Promise<boolean> {
  // Appended, not resolved: PUBLIC_URL may carry a path (https://host/loyalty).
  const url = `${publicUrl.replace(/\/+$/, '')}${VIBER_WEBHOOK_PATH}`;
  try {
    await call('set_webhook', { url, event_types: EVENT_TYPES, send_name: true, send_photo: false });
    log.info({ url }, 'viber webhook set');
    return true;
  } catch (error) {
    const why =
      error instanceof ViberApiError && error.status === 2
        ? 'Viber refused VIBER_AUTH_TOKEN; copy the token from the Viber Admin Panel again'
        : `${(error as Error).message}; Viber must reach ${url} over HTTPS with a valid certificate`;
    log.error({}, `viber: the webhook could not be set, so the Viber channel receives nothing: ${why}`);
    return false;
  }
}
