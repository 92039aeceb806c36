import type { Translate } from '../i18n/translator.ts';
import { message, type Button, type Outbound } from '../outbound.ts';
import { payload, type MenuItem } from '../payloads.ts';

const layout: MenuItem[][] = [
  ['balance', 'card'],
  ['history', 'invite'],
  ['notifications', 'language'],
  ['complaint', 'human'],
  ['help'],
];

/** The member's main menu buttons, two per row. */
export function mainMenuButtons(t: Translate): Button[][] {
  return layout.map((row) => row.map((item) => ({ label: t(`menu.${item}`), payload: payload.menu[item] })));
}

/** A text followed by the main menu, the usual end of a member's turn. */
export function withMenu(t: Translate, text: string): Outbound {
  return message(text, mainMenuButtons(t));
}
