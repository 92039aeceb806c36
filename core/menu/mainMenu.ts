import type { Turn } from '../conversation/turn.ts';
import { message, type Button, type Outbound } from '../outbound.ts';
import { menuPayload } from '../payloads.ts';

/** The member's main menu buttons: the registered entries, row by row. */
export function mainMenuButtons(turn: Pick<Turn, 't' | 'deps'>): Button[][] {
  const rows = new Map<number, Button[]>();
  for (const entry of turn.deps.menu.entries) {
    const row = rows.get(entry.row) ?? [];
    row.push({ label: turn.t(entry.label), payload: menuPayload(entry.id) });
    rows.set(entry.row, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, buttons]) => buttons);
}

/** A text followed by the main menu, the usual end of a member's turn. */
export function withMenu(turn: Pick<Turn, 't' | 'deps'>, text: string): Outbound {
  return message(text, mainMenuButtons(turn));
}
