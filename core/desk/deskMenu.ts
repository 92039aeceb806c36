import type { MenuEntry } from '../menu/menuPorts.ts';
import { escalate } from './escalate.ts';

/** The staff desk's menu entries: a complaint, and a person to talk to. Both open a ticket with what came along. */
export const deskMenuEntries: MenuEntry[] = [
  {
    id: 'complaint',
    label: 'menu.complaint',
    commands: ['complaint'],
    row: 3,
    open: (turn, chat, member, text) => escalate(turn, chat, member, 'command', text),
  },
  {
    id: 'human',
    label: 'menu.human',
    commands: ['human'],
    row: 3,
    open: (turn, chat, member, text) => escalate(turn, chat, member, 'button', text),
  },
];
