import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';

/** The turn with this member's dynamic menu buttons, asked once per turn (none registered: no query at all). */
export async function withDynamicMenu(turn: Turn, member: MemberRecord): Promise<Turn> {
  if (turn.menuExtras || turn.deps.menu.dynamic.length === 0) return turn;
  const { event } = turn.inbound;
  if (event.kind === 'button' && turn.deps.menu.payloadKind(event.payload)?.showsMenu === false) return turn;
  const menuExtras = await Promise.all(
    turn.deps.menu.dynamic.map(async (source) => ({ row: source.row, buttons: await source.buttonsFor(turn, member) })),
  );
  return { ...turn, menuExtras };
}
