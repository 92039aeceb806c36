import { setImmediate } from 'node:timers/promises';

/** A turn that takes longer than this ran someone else's work: the loop is busy. */
const BUSY_TURN_MS = 2;
/** The longest a fan-out gives way in one go, so that a busy loop slows it down but never stops it. */
const MAX_GIVE_WAY_MS = 200;

/**
 * Gives the event loop to whatever else is waiting for it, before the next
 * step of a fan-out. A fan-out's batches follow one another through
 * promises, which never let timers or sockets in; on SQLite each statement
 * also runs on this thread. So it waits a macrotask turn, and keeps waiting
 * while each turn comes back late (a chat request ran meanwhile, and may
 * have its next step queued): the chats' requests go first, and an idle
 * process fans out at full speed.
 */
export async function nextTurn(): Promise<void> {
  const start = performance.now();
  for (;;) {
    const before = performance.now();
    await setImmediate();
    const now = performance.now();
    if (now - before < BUSY_TURN_MS || now - start > MAX_GIVE_WAY_MS) return;
  }
}
