import { delivered, type Sender } from '../../core/outbox/sender.ts';

/**
 * The web chat's outbox sender. A web visitor has no platform to push to:
 * the page fetches its messages from `GET /webchat/inbox`, which reads the
 * outbox rows marked sent. Handing a message over is therefore instant, and
 * recording it as sent is what delivers it.
 */
export const webInboxSender: Sender = async () => delivered;
