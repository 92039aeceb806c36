import type { Turn } from '../conversation/turn.ts';
import { isCommand, type InboundEvent } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';
import type { MenuItem, ParsedPayload } from '../payloads.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { asMember } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import type { TicketReason } from '../desk/deskPorts.ts';
import { escalate } from '../desk/escalate.ts';
import { commentOnRating, rateHelp } from '../desk/rateHelp.ts';
import { talkToStaff } from '../desk/talkToStaff.ts';
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
  complaint: 'complaint',
};

/**
 * A registered member's turn: the main menu and what it opens. While a
 * ticket is open the member talks to staff instead (core/desk).
 */
export async function serveMember(turn: Turn, chat: MemberChat, member: MemberRecord, pressed: ParsedPayload | null): Promise<Outbound[]> {
  const { event } = turn.inbound;
  if (pressed?.kind === 'rate') return rateHelp(turn, chat, member, pressed.ticketId, pressed.rating);
  if (chat.state.ticket) return talkToStaff(turn, chat, member, chat.state.ticket, pressed, (next) => serveMember(turn, next, member, pressed));
  if (chat.state.commentFor && event.kind === 'text') return commentOnRating(turn, chat, member, chat.state.commentFor, event.text);
  const escalation = escalationOf(turn, event, pressed);
  if (escalation) return escalate(turn, chat, member, escalation.reason, escalation.text);
  if (!pressed && (event.kind === 'text' || event.kind === 'photo')) return notUnderstood(turn, chat, member, event.kind === 'text' ? event.text : (event.caption ?? ''));
  if (chat.state.commentFor || chat.state.missed) await saveState(turn, chat, { state: asMember });
  return answerMenu(turn, member, pressed);
}

async function answerMenu(turn: Turn, member: MemberRecord, pressed: ParsedPayload | null): Promise<Outbound[]> {
  const { t } = turn;
  const item = menuItemOf(turn.inbound.event, pressed);
  if (item) return [await openMenuItem(turn, member, item)];
  if (pressed?.kind === 'toggleNotification') return [await toggleNotification(turn, member, pressed.topic)];
  if (isCommand(turn.inbound.event, 'start')) return [withMenu(t, t('menu.welcomeBack', { name: member.name }))];
  if (isCommand(turn.inbound.event, 'menu')) return [withMenu(t, t('menu.title'))];
  if (pressed?.kind === 'unknown') return [withMenu(t, t('errors.unknownButton'))];
  // A second tap on a registration button (Skip, I agree…) after the card was issued, or an unknown command.
  if (pressed) return [withMenu(t, t('menu.title'))];
  return [withMenu(t, t('errors.notUnderstood'))];
}

/** "Talk to a person", /complaint (and its menu button), or words that read as a complaint. */
function escalationOf(turn: Turn, event: InboundEvent, pressed: ParsedPayload | null): { reason: TicketReason; text: string } | null {
  const item = menuItemOf(event, pressed);
  if (item === 'human') return { reason: 'button', text: event.kind === 'command' ? (event.payload ?? '') : '' };
  if (item === 'complaint') return { reason: 'command', text: event.kind === 'command' ? (event.payload ?? '') : '' };
  if (!pressed && event.kind === 'text' && turn.deps.desk.looksLikeComplaint(event.text)) return { reason: 'complaint', text: event.text };
  return null;
}

/** The second text in a row the bot cannot make sense of goes to a person, with both texts. */
async function notUnderstood(turn: Turn, chat: MemberChat, member: MemberRecord, text: string): Promise<Outbound[]> {
  const missed = [...(chat.state.missed ?? []), text];
  if (missed.length >= 2) return escalate(turn, chat, member, 'notUnderstood', missed.filter((words) => words.trim() !== '').join('\n'));
  await saveState(turn, chat, { state: { v: 1, step: 'member', missed } });
  return [withMenu(turn.t, turn.t('errors.notUnderstood'))];
}

function menuItemOf(event: InboundEvent, pressed: ParsedPayload | null): MenuItem | null {
  if (pressed?.kind === 'menu') return pressed.item;
  if (event.kind === 'command') return commandItems[event.command] ?? null;
  return null;
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
    case 'complaint':
      throw new Error('unreachable: a request for a person opens a ticket (escalationOf)');
    case 'invite':
      return showInvite(turn, member);
    case 'notifications':
      return notificationSettings(turn, member);
  }
}

