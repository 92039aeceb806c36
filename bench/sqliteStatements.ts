import Sqlite from 'better-sqlite3';

/**
 * Counts the SQL statements every better-sqlite3 connection in this process
 * prepares or executes from now on. Prisma's adapter prepares each statement
 * it runs (BEGIN and COMMIT included), so the count is the number of
 * statements the database ran: a figure that, unlike timings, does not
 * depend on what else the machine is doing.
 */
export function countSqliteStatements(): { read(): number; reset(): void } {
  const proto = Sqlite.prototype as unknown as {
    prepare: (...args: unknown[]) => unknown;
    exec: (...args: unknown[]) => unknown;
  };
  let count = 0;
  const { prepare, exec } = proto;
  proto.prepare = function (this: unknown, ...args: unknown[]) {
    count++;
    return prepare.apply(this, args);
  };
  proto.exec = function (this: unknown, ...args: unknown[]) {
    count++;
    return exec.apply(this, args);
  };
  return { read: () => count, reset: () => (count = 0) };
}
