import type { Sender } from '../../core/outbox/sender.ts';
import { sendViberReply, type ViberSendDeps } from './sendViberReply.ts';
import { viberSendResult } from './viberSendResult.ts';

/**
 * The outbox's Viber lane sender. The token of what was sent is returned
 * with the result, so Viber's delivered, seen and failed callbacks find
 * the outbox row they concern.
 */
export function createViberSender(deps: ViberSendDeps): Sender {
  return async (address, message) => {
    try {
      const token = await sendViberReply(deps, address, message);
      return token === undefined ? { kind: 'delivered' } : { kind: 'delivered', platformId: token };
    } catch (error) {
      return viberSendResult(error);
    }
  };
}
