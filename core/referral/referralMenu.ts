import type { MenuEntry } from '../menu/menuPorts.ts';
import { showInvite } from './showInvite.ts';

/** The referral programme's menu entry: the member's invitation. */
export const referralMenuEntries: MenuEntry[] = [
  {
    id: 'invite',
    label: 'menu.invite',
    commands: ['invite'],
    row: 1,
    open: async (turn, _chat, member) => [await showInvite(turn, member)],
  },
];
