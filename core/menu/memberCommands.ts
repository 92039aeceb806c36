import type { MenuRegistry } from './menuPorts.ts';

/** A command a member can type, with the label of the menu entry it opens (none for /start and /menu). */
export interface MemberCommand {
  command: string;
  label?: string;
}

/**
 * Every command a member can type, in the main menu's order: /start and
 * /menu, then each registered entry's commands row by row. Platforms that
 * list commands (Telegram's menu button) show these.
 */
export function memberCommands(menu: MenuRegistry): MemberCommand[] {
  const entries = [...menu.entries].sort((a, b) => a.row - b.row);
  return [
    { command: 'start' },
    { command: 'menu' },
    ...entries.flatMap((entry) => entry.commands.map((command) => ({ command, label: entry.label }))),
  ];
}
