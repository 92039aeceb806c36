import type { MenuEntry } from './menuPorts.ts';
import { languagePicker } from './languagePicker.ts';
import { backToMenuRow, withMenu } from './mainMenu.ts';
import { notificationSettings } from './notificationSettings.ts';
import { showBalance } from './showBalance.ts';
import { showCard } from './showCard.ts';
import { showHistory } from './showHistory.ts';

/** The member's own entries: balance, card, history, notifications, language and help. */
export const coreMenuEntries: MenuEntry[] = [
  {
    id: 'balance',
    label: 'menu.balance',
    commands: ['balance'],
    row: 0,
    open: async (turn, _chat, member) => [await showBalance(turn, member)],
  },
  {
    id: 'card',
    label: 'menu.card',
    commands: ['card'],
    row: 0,
    open: async (turn, _chat, member) => [await showCard(turn, member)],
  },
  {
    id: 'history',
    label: 'menu.history',
    commands: ['history'],
    row: 1,
    open: async (turn, _chat, member) => [await showHistory(turn, member)],
  },
  {
    id: 'notifications',
    label: 'menu.notifications',
    commands: ['notifications'],
    row: 2,
    open: async (turn, _chat, member) => [await notificationSettings(turn, member)],
  },
  {
    id: 'language',
    label: 'menu.language',
    commands: ['language'],
    row: 2,
    open: async (turn) => [languagePicker(turn.t, [backToMenuRow(turn.t)])],
  },
  {
    id: 'help',
    label: 'menu.help',
    commands: ['help'],
    row: 4,
    open: async (turn) => [withMenu(turn, turn.t('help.text'))],
  },
];
