import { maskMember } from '../../contests/draws/maskMember.ts';
import type { DrawWinnerMember, PublicEntry } from '../../contests/draws/drawsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { toDraw } from './toDraw.ts';

/** Read in pages: a draw may hold a million entries, and one query of them all would hold as many rows twice. */
const PAGE = 20_000;

/** Every entry not withdrawn, by id, with its member masked ("Ana P. ••0747"). */
export async function publicEntries(db: Database, drawId: string): Promise<PublicEntry[]> {
  const masks = new Map<string, string>();
  const holders = new Map<string, number>();
  const holderOf = (memberId: string) => {
    if (!holders.has(memberId)) holders.set(memberId, holders.size + 1);
    return holders.get(memberId)!;
  };
  const out: PublicEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await db.prisma.drawEntry.findMany({
      where: { drawId, withdrawnAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, memberId: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    await fillMasks(
      db,
      masks,
      rows.map((row) => row.memberId),
    );
    for (const row of rows)
      out.push({ id: row.id, member: masks.get(row.memberId) ?? '—', holder: holderOf(row.memberId) });
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.id;
  }
}

async function fillMasks(db: Database, masks: Map<string, string>, memberIds: string[]): Promise<void> {
  const missing = [...new Set(memberIds)].filter((id) => !masks.has(id));
  for (let i = 0; i < missing.length; i += 1000) {
    const members = await db.prisma.member.findMany({
      where: { id: { in: missing.slice(i, i + 1000) } },
      select: { id: true, name: true, phone: true, cardNumber: true },
    });
    for (const member of members) masks.set(member.id, maskMember(member.name, member.phone, member.cardNumber));
  }
}

/** A drawn draw's winners with their members, in the stored (score) order, then who took over lapsed prizes. */
export async function drawWinnerMembers(db: Database, drawId: string): Promise<DrawWinnerMember[]> {
  const row = await db.prisma.draw.findUnique({ where: { id: drawId } });
  const draw = row ? toDraw(row) : null;
  const replacements = (draw?.lapsed ?? []).flatMap((lapse) =>
    lapse.replacedBy ? [{ entryId: lapse.replacedBy, prize: lapse.prize, passedOn: true }] : [],
  );
  const drawn = (draw?.winners ?? []).map((winner) => ({ ...winner, passedOn: false }));
  const winners = [...drawn, ...replacements];
  const entries = await db.prisma.drawEntry.findMany({
    where: { id: { in: winners.map((winner) => winner.entryId) } },
    select: { id: true, memberId: true },
  });
  const memberOf = new Map(entries.map((entry) => [entry.id, entry.memberId]));
  return winners.map((winner) => ({ ...winner, memberId: memberOf.get(winner.entryId)! }));
}
