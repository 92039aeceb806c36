import type { Turn } from '../conversation/turn.ts';
import type { Button, Outbound } from '../outbound.ts';
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
  return menuAfter(turn, text, []);
}

/** A screen's own buttons, then the main menu under them. */
export function menuAfter(turn: Pick<Turn, 't' | 'deps'>, text: string, own: Button[][]): Outbound {
  return { text, buttons: [...own, ...mainMenuButtons(turn)], menuFrom: own.length };
}

/** The payload of "back to the menu": not an entry of its own, it shows the main menu. */
export const MAIN_MENU_PAYLOAD = menuPayload('main');

/** The way back from a screen that shows no main menu of its own (the card, the language picker). */
export function backToMenuRow(t: Turn['t']): Button[] {
  return [{ label: t('menu.back'), payload: MAIN_MENU_PAYLOAD }];
}
