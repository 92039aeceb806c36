import { randomInt, randomUUID } from 'node:crypto';
import { formatCardNumber } from '../core/members/cardNumber.ts';
import type { Provider } from '../core/storage/db/openDatabase.ts';
import { benchDatabase, startBenchApp, timeRequests, type Percentiles } from './httpBench.ts';
import { seedDirectory, type SeededMember } from './seedDirectory.ts';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
/** The size is 5,000,000 (`BENCH_MEMBERS_LEDGER=5000000`); the default keeps `npm run bench` short. */
const LEDGER_ENTRIES = Number(process.env.BENCH_MEMBERS_LEDGER ?? 1_000_000);
const LEDGER_PER_MEMBER = Math.max(1, Math.round(LEDGER_ENTRIES / MEMBERS));
const REQUESTS = 300;
const ADMIN_TOKEN = `bench-${randomUUID()}`;

/** p50, p95 and p99 of one kind of request, in milliseconds. */
export type { Percentiles };

/**
 * Measured in the same run: the programme's rules, one small read behind the
 * same HTTP and auth, so a kind's figure beside it is what the members cost.
 * (A member by id is no baseline: it first expires due points, a write.)
 */
export const BASELINE_KIND = 'baseline: the programme (GET /program)';

export interface MemberSearchBench {
  provider: Provider;
  members: number;
  ledgerEntries: number;
  seedSeconds: number;
  /** By kind of request: each a loopback HTTP round trip, one at a time, so it bounds the server's own time from above. */
  kinds: Record<string, Percentiles>;
}

/** The kinds of search staff type, and the member page's three reads, each with its own inputs. */
function requestKinds(members: SeededMember[]): Record<string, () => string> {
  const any = () => members[randomInt(members.length)]!;
  const q = (text: string) => `/api/v1/members/search?q=${encodeURIComponent(text)}&limit=20`;
  const national = (phone: string) => `0${phone.slice(4, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;
  return {
    [BASELINE_KIND]: () => '/api/v1/program',
    'search: part of a first name (many matches)': () => q(any().name.slice(0, 3)),
    'search: a last name': () => q(any().name.split(' ')[1]!),
    'search: a name nobody has (whole scan)': () => q(`zq${randomInt(1000)}`),
    'search: phone, national spelling': () => q(national(any().phone)),
    'search: last four digits of a phone': () => q(any().phone.slice(-4)),
    'search: last six digits, dashed': () =>
      q(
        any()
          .phone.slice(-6)
          .replace(/(\d\d)(?=\d)/g, '$1-'),
      ),
    'search: card number with spaces': () => q(formatCardNumber(any().cardNumber)),
    "member's page (profile)": () => `/api/v1/members/${any().id}/profile`,
    "member's purchases (first page)": () => `/api/v1/members/${any().id}/purchases?limit=20`,
    "member's ledger (first page)": () => `/api/v1/members/${any().id}/ledger?limit=20`,
  };
}

/**
 * Member search and a member's page on 100,000 members and 1,000,000 ledger
 * lines (5,000,000 with BENCH_MEMBERS_LEDGER=5000000, the size), the
 * whole application on loopback, on SQLite or on a PostgreSQL server on this
 * machine.
 */
export async function benchMemberSearch(provider: Provider): Promise<MemberSearchBench | { skipped: string }> {
  const database = await benchDatabase(provider, 'members');
  if ('skipped' in database) return database;
  const app = await startBenchApp(database.url, ADMIN_TOKEN);
  try {
    const seeding = performance.now();
    const members = await seedDirectory(app.db, MEMBERS, LEDGER_PER_MEMBER);
    // What autovacuum does to a database that grew by itself; SQLite gets no statistics, as the application gathers none.
    if (provider === 'postgresql') await app.db.prisma.$executeRawUnsafe('ANALYZE');
    const seedSeconds = (performance.now() - seeding) / 1000;
    const kinds: Record<string, Percentiles> = {};
    const paths = Object.entries(requestKinds(members));
    // One round of every kind first, so the baseline, measured first, does not pay for the others' cold caches.
    for (const [, path] of paths) await timeRequests(app.url, path, { token: ADMIN_TOKEN, requests: 0, warmup: 20 });
    for (const [kind, path] of paths)
      kinds[kind] = await timeRequests(app.url, path, { token: ADMIN_TOKEN, requests: REQUESTS, warmup: 20 });
    return { provider, members: MEMBERS, ledgerEntries: MEMBERS * LEDGER_PER_MEMBER, seedSeconds, kinds };
  } finally {
    await app.stop();
    await database.dispose();
  }
}
