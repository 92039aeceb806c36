import { setTimeout as sleep } from 'node:timers/promises';
import { IN_PROGRESS, type IdempotencyStore, type IdempotentRequestRow } from '../core/api/apiPorts.ts';
import { ApiProblem } from './problem.ts';

/** An answer ready to send: the serialized body, and whether it repeats a stored first answer. */
export interface Answer {
  status: number;
  payload: string;
  replayed: boolean;
  /** Bytes that are no JSON (a GET of a photo); never stored under a key, since only POSTs are. */
  raw?: { type: string; bytes: Uint8Array };
}

export interface IdempotentCall {
  /** API key id, or 'admin': one client's keys never collide with another's. */
  client: string;
  key: string;
  requestHash: string;
}

/** How long a duplicate waits for the first request to finish: longer than a purchase transaction may take. */
const WAIT_MS = 30_000;
/** A claim older than this whose request never finished belongs to an instance that died. */
const ABANDONED_MS = 120_000;

/** The work's answer; `kept` when the work stored it under the key itself, in its own transaction. */
export type WorkAnswer = Omit<Answer, 'replayed'> & { kept?: boolean };

export type Idempotency = (call: IdempotentCall, work: () => Promise<WorkAnswer>) => Promise<Answer>;

/**
 * Runs `work` once per (client, key). A duplicate that arrives while the
 * first is running waits for it — in this process on its promise, across
 * instances by polling the row — and gets the same status and body.
 */
export function createIdempotency(store: IdempotencyStore, clock: () => Date): Idempotency {
  // Requests this process is working on, settled once their answer is stored: same-process duplicates wait on them.
  const running = new Map<string, Promise<unknown>>();
  const perform: Idempotency = (call, work) => {
    const finished = answerOnce(store, clock, call, work);
    running.set(
      idOf(call),
      finished.catch(() => undefined),
    );
    return finished.finally(() => running.delete(idOf(call)));
  };
  return async (call, work) => {
    const claim = () => store.claim({ ...call, at: clock() });
    let row = await claim();
    const deadline = Date.now() + WAIT_MS;
    for (let delay = 5; row; delay = Math.min(delay * 2, 200)) {
      const settled = settledAnswer(call, row);
      if (settled) return settled;
      if (Date.now() > deadline) throw stillRunning();
      if (
        clock().getTime() - row.createdAt.getTime() > ABANDONED_MS &&
        (await store.dropAbandoned(call.client, call.key, row.createdAt))
      ) {
        row = await claim();
        continue;
      }
      await (running.get(idOf(call)) ?? sleep(delay));
      row = (await store.find(call.client, call.key)) ?? (await claim());
    }
    return perform(call, work);
  };
}

/** Does the work and stores its answer; on an unexpected failure the key is given back so that a retry can do the work. */
async function answerOnce(
  store: IdempotencyStore,
  clock: () => Date,
  call: IdempotentCall,
  work: () => Promise<WorkAnswer>,
): Promise<Answer> {
  try {
    const { status, payload, kept } = await work();
    if (!kept) await store.complete({ ...call, at: clock() }, { status, body: payload });
    return { status, payload, replayed: false };
  } catch (error) {
    await store.release(call.client, call.key);
    throw error;
  }
}

function idOf(call: IdempotentCall): string {
  return `${call.client}\u0000${call.key}`;
}

/** The stored first answer, null while it is still being worked out; another body under the same key is refused. */
function settledAnswer(call: IdempotentCall, row: IdempotentRequestRow): Answer | null {
  if (row.requestHash !== call.requestHash) {
    throw new ApiProblem(
      'idempotency-key-reused',
      'This Idempotency-Key was first used with another request (method, path or body); use a new key for a new request.',
    );
  }
  return row.status === IN_PROGRESS ? null : { status: row.status, payload: row.body, replayed: true };
}

function stillRunning(): ApiProblem {
  return new ApiProblem(
    'idempotency-in-progress',
    'The first request with this Idempotency-Key is still being handled; retry in a few seconds with the same key and body.',
  );
}
