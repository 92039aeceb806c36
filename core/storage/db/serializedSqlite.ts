import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * SQLite through better-sqlite3 is one connection. Prisma's adapter orders
 * transactions among themselves, but a statement outside any transaction
 * that arrives while another request's interactive transaction is open runs
 * inside it: it sees uncommitted rows, and a rollback silently undoes it (a
 * lost update claim, a lost idempotency record…). This wrapper gives the
 * connection one queue: a statement waits until an open transaction has
 * committed or rolled back.
 */
export function serializedSqlite(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialize(await factory.connect()),
    connectToShadowDb: async () => serialize(await factory.connectToShadowDb()),
  };
}

function serialize(inner: SqlDriverAdapter): SqlDriverAdapter {
  const queue = createQueue();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => queue.exclusive(() => inner.queryRaw(query)),
    executeRaw: (query) => queue.exclusive(() => inner.executeRaw(query)),
    executeScript: (script) => queue.exclusive(() => inner.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      // After a transaction the connection passes on in a later event-loop turn: requests that
      // arrived meanwhile are read and queued first, so transactions are served in arrival order
      // instead of one turn running every queued one to its end (the purchases' p99).
      const release = await queue.hold(true);
      try {
        return releasingOnEnd(await inner.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(inner.getConnectionInfo && { getConnectionInfo: () => inner.getConnectionInfo!() }),
    dispose: () => inner.dispose(),
  };
}

/** The transaction as it is, except that ending it lets the queue move on. */
function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  const commit = end(() => transaction.commit());
  const rollback = end(() => transaction.rollback());
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === 'commit') return commit;
      if (property === 'rollback') return rollback;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function createQueue() {
  let tail: Promise<void> = Promise.resolve();
  /** `deferred`: the next holder starts in a later turn of the event loop (see `startTransaction`). */
  const hold = async (deferred = false): Promise<() => void> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = deferred ? () => setImmediate(resolve) : resolve));
    await previous;
    return release;
  };
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await hold();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return { hold, exclusive };
}
