import type { Sender } from '../../core/outbox/sender.ts';

/** Called with each send's lane and result kind. */
export type SendObserver = (channel: string, kind: string) => void;

/** A lane's sender that reports what the platform made of each send (a throw counts as `error`). */
export function countSends<M>(channel: string, sender: Sender<M>, observe: SendObserver): Sender<M> {
  return async (address, message) => {
    try {
      const result = await sender(address, message);
      observe(channel, result.kind);
      return result;
    } catch (error) {
      observe(channel, 'error');
      throw error;
    }
  };
}
