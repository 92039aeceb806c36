import type { Turn } from '../conversation/turn.ts';
import type { Button, Outbound } from '../outbound.ts';
import { menuPayload } from '../payloads.ts';

type MenuTurn = Pick<Turn, 't' | 'deps' | 'menuExtras'>;

/** The member's main menu buttons: the registered entries, row by row, and this turn's dynamic ones. */
export function mainMenuButtons(turn: MenuTurn): Button[][] {
  const rows = new Map<number, Button[]>();
  for (const entry of turn.deps.menu.entries) {
    if (entry.inMenu === false) continue;
    const row = rows.get(entry.row) ?? [];
    row.push({ label: turn.t(entry.label), payload: menuPayload(entry.id) });
    rows.set(entry.row, row);
  }
  for (const extra of turn.menuExtras ?? [])
    if (extra.buttons.length > 0) rows.set(extra.row, [...(rows.get(extra.row) ?? []), ...extra.buttons]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, buttons]) => buttons);
}

/** A text followed by the main menu, the usual end of a member's turn. */
export function withMenu(turn: MenuTurn, text: string): Outbound {
  return menuAfter(turn, text, []);
}

/** A screen's own buttons, then the main menu under them. */
export function menuAfter(turn: MenuTurn, text: string, own: Button[][]): Outbound {
  return { text, buttons: [...own, ...mainMenuButtons(turn)], menuFrom: own.length };
}

/** The payload of "back to the menu": not an entry of its own, it shows the main menu. */
export const MAIN_MENU_PAYLOAD = menuPayload('main');

/** The way back from a screen that shows no main menu of its own (the card, the language picker). */
export function backToMenuRow(t: Turn['t']): Button[] {
  return [{ label: t('menu.back'), payload: MAIN_MENU_PAYLOAD }];
}
