import type { CastOutcome } from '../../contests/contestsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

interface Cast {
  contestId: string;
  voterId: string;
  entryId: string;
  limit: number;
  now: Date;
}

/**
 * Tries the voter's slots 1..limit in turn. Each insert either takes a free
 * slot or does nothing: the primary key (contest, voter, slot) holds the
 * limit and the unique (contest, voter, entry) one vote per entry, so two
 * taps or two devices at once still count once. Only after an insert did
 * nothing is the vote looked up, to tell a repeat from a taken slot.
 */
export async function castVote(db: Database, cast: Cast): Promise<CastOutcome> {
  for (let slot = 1; slot <= cast.limit; slot += 1) {
    const inserted = await db.prisma.$executeRaw`
      INSERT INTO "ContestVote" ("contestId", "voterId", "entryId", "slot", "castAt")
      VALUES (${cast.contestId}, ${cast.voterId}, ${cast.entryId}, ${slot}, ${cast.now})
      ON CONFLICT DO NOTHING`;
    if (inserted === 1) return { kind: 'counted' };
    const same = await db.prisma.contestVote.count({
      where: { contestId: cast.contestId, voterId: cast.voterId, entryId: cast.entryId },
    });
    if (same > 0) return { kind: 'already' };
  }
  return { kind: 'limit' };
}
