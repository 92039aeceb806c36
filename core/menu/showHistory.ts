import type { MemberRecord } from '../members/membersPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import type { Outbound } from '../outbound.ts';
import { withMenu } from './mainMenu.ts';
import { formatDate } from './formatDate.ts';

const HISTORY_LENGTH = 10;

/** The latest ledger entries, newest first. */
export async function showHistory(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps, locale } = turn;
  const lines = await deps.ledger.recentLedger(member.id, HISTORY_LENGTH);
  if (lines.length === 0) return withMenu(turn, t('history.empty'));
  const rendered = lines.map((line) =>
    t('history.line', {
      date: formatDate(line.createdAt, locale, deps.settings.timezone, 'short'),
      delta: line.delta > 0 ? `+${line.delta}` : String(line.delta),
      kind: t(`ledger.${line.kind}`, { defaultValue: line.kind }),
    }),
  );
  return withMenu(turn, [t('history.title'), ...rendered].join('\n'));
}
