import type { PrizeCodeView, PrizeStore } from '../../contests/prizePorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { parseNames } from './prizeNames.ts';
import { grantPrize } from './grantPrize.ts';

export function createPrizeStore(db: Database): PrizeStore {
  return {
    grant: (grant) => grantPrize(db, grant),
    unredeemedCodes: async (memberId) => {
      const rows = await db.prisma.prizeAward.findMany({
        where: { memberId, code: { not: null }, redeemedAt: null, voidedAt: null },
        orderBy: { awardedAt: 'asc' },
      });
      return rows.map((row): PrizeCodeView => ({
        code: row.code!,
        name: parseNames(row.name),
        awardedAt: row.awardedAt,
      }));
    },
    // One conditional update: of two tills redeeming the same code at once, one changes the row and the other finds it used;
    // a code voided after its claim period (core/contests/draws/lapseUnclaimed.ts) changes nothing either.
    redeem: async (code, by, at) => {
      const done = await db.prisma.prizeAward.updateMany({
        where: { code, redeemedAt: null, voidedAt: null },
        data: { redeemedAt: at, redeemedBy: by },
      });
      const row = await db.prisma.prizeAward.findUnique({ where: { code } });
      if (!row) return { kind: 'not-found' };
      if (done.count === 0 && row.voidedAt) return { kind: 'lapsed', lapsedAt: row.voidedAt };
      if (done.count === 0) return { kind: 'already-redeemed', redeemedAt: row.redeemedAt! };
      return { kind: 'redeemed', code, memberId: row.memberId, name: parseNames(row.name), redeemedAt: at };
    },
  };
}
