import { setImmediate } from 'node:timers/promises';

/**
 * Waits one macrotask turn of the event loop. A fan-out's batches follow one
 * another through promises, which never let timers or sockets in; on SQLite
 * each statement also runs on this thread. Between two batches the chat
 * requests that arrived meanwhile are read and served first.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}
