import type { Turn } from '../conversation/turn.ts';
import type { InboundEvent } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';
import type { MenuItem, ParsedPayload } from '../payloads.ts';
import type { MemberRecord } from '../ports.ts';
import { languagePicker } from './languagePicker.ts';
import { withMenu } from './mainMenu.ts';
import { showBalance } from './showBalance.ts';
import { showCard } from './showCard.ts';
import { showHistory } from './showHistory.ts';
import { showInvite } from '../referral/showInvite.ts';
import { notificationSettings, toggleNotification } from './notificationSettings.ts';

/** Commands that open a menu item directly: /balance, /card… */
const commandItems: Record<string, MenuItem> = {
  balance: 'balance',
  card: 'card',
  history: 'history',
  language: 'language',
  help: 'help',
  human: 'human',
  invite: 'invite',
  notifications: 'notifications',
};

/** A registered member's turn: the main menu and what it opens. */
export async function serveMember(turn: Turn, member: MemberRecord, pressed: ParsedPayload | null): Promise<Outbound[]> {
  const { t } = turn;
  const item = menuItemOf(turn.inbound.event, pressed);
  if (item) return [await openMenuItem(turn, member, item)];
  if (pressed?.kind === 'toggleNotification') return [await toggleNotification(turn, member, pressed.topic)];
  if (isCommand(turn.inbound.event, 'start')) return [withMenu(t, t('menu.welcomeBack', { name: member.name }))];
  if (isCommand(turn.inbound.event, 'menu')) return [withMenu(t, t('menu.title'))];
  if (pressed?.kind === 'unknown') return [withMenu(t, t('errors.unknownButton'))];
  // A second tap on a registration button (Skip, I agree…) after the card was issued.
  if (pressed) return [withMenu(t, t('menu.title'))];
  return [withMenu(t, t('errors.notUnderstood'))];
}

function menuItemOf(event: InboundEvent, pressed: ParsedPayload | null): MenuItem | null {
  if (pressed?.kind === 'menu') return pressed.item;
  if (event.kind === 'command') return commandItems[event.command] ?? null;
  return null;
}

export function isCommand(event: InboundEvent, command: string): boolean {
  return event.kind === 'command' && event.command === command;
}

async function openMenuItem(turn: Turn, member: MemberRecord, item: MenuItem): Promise<Outbound> {
  const { t } = turn;
  switch (item) {
    case 'balance':
      return showBalance(turn, member);
    case 'card':
      return showCard(turn, member);
    case 'history':
      return showHistory(turn, member);
    case 'language':
      return languagePicker(t);
    case 'help':
      return withMenu(t, t('help.text'));
    case 'human':
      return withMenu(t, t('human.comingSoon'));
    case 'invite':
      return showInvite(turn, member);
    case 'notifications':
      return notificationSettings(turn, member);
  }
}

