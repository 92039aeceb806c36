import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUID version 7: ids made later sort later, and a counter orders those
 * made in the same millisecond. Outbox rows are claimed `ORDER BY createdAt,
 * id`, so two messages written in one transaction with one timestamp (a
 * purchase confirmation, then a tier change) still go out in that order; the
 * audit log reads back in the order its entries were made the same way.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
    lastMs += 1;
    counter = 0;
  }
  const bytes = randomSixteen();
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Random bytes are drawn 4 KiB at a time: a fan-out makes 100,000 ids, and one `randomBytes` call each is most of their cost. */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = POOL_BYTES;

function randomSixteen(): Buffer {
  if (taken + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  pool.copy(bytes, 0, taken, (taken += 16));
  return bytes;
}
