import type { Turn } from '../conversation/turn.ts';
import { isCommand, type InboundEvent } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';
import type { ParsedPayload } from '../payloads.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { asMember } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import { commentOnRating, rateHelp } from '../desk/rateHelp.ts';
import { talkToStaff } from '../desk/talkToStaff.ts';
import { MAIN_MENU_PAYLOAD, withMenu } from './mainMenu.ts';
import { withDynamicMenu } from './dynamicMenu.ts';
import type { MenuEntry } from './menuPorts.ts';
import { toggleNotification } from './notificationSettings.ts';
import { answerOffer, isOfferAnswer, offerTicket } from '../understanding/offerTicket.ts';
import { understandTyped } from '../understanding/understandTyped.ts';
import { commentOnSurvey } from '../surveys/answerSurvey.ts';
import { isSurveyPayload } from '../surveys/surveyPayloads.ts';
import { submitEntry } from '../contests/submitEntry.ts';

/**
 * A registered member's turn: the main menu and what it opens. While a
 * ticket is open the member talks to staff instead (core/desk).
 */
export async function serveMember(
  given: Turn,
  chat: MemberChat,
  member: MemberRecord,
  pressed: ParsedPayload | null,
): Promise<Outbound[]> {
  const turn = await withDynamicMenu(given, member);
  const { event } = turn.inbound;
  if (pressed?.kind === 'rate') return rateHelp(turn, chat, member, pressed.ticketId, pressed.rating);
  if (chat.state.ticket)
    return talkToStaff(turn, chat, member, chat.state.ticket, pressed, {
      answerMenu: (same) => answerMenu(turn, same, member, pressed),
      serveAsUsual: (next) => serveMember(turn, next, member, pressed),
    });
  if (chat.state.commentFor && event.kind === 'text')
    return commentOnRating(turn, chat, member, chat.state.commentFor, event.text);
  if (chat.state.surveyComment && event.kind === 'text')
    return commentOnSurvey(turn, chat, member, chat.state.surveyComment, event.text);
  if (chat.state.contestEntry && event.kind === 'photo')
    return submitEntry(turn, chat, member, chat.state.contestEntry);
  if (event.kind === 'button' && isOfferAnswer(event.payload)) return answerOffer(turn, chat, member, event.payload);
  const understood = !pressed && event.kind === 'text' ? await understandTyped(turn, chat, member, event.text) : null;
  if (understood) return understood;
  if (!pressed && (event.kind === 'text' || event.kind === 'photo'))
    return notUnderstood(turn, chat, event.kind === 'text' ? event.text : (event.caption ?? ''));
  // A survey's Skip closes its own follow-up (core/surveys): it is the one button that keeps it.
  const keepsFollowUp = event.kind === 'button' && isSurveyPayload(event.payload);
  if (
    chat.state.commentFor ||
    chat.state.missed ||
    chat.state.offer ||
    chat.state.contestEntry ||
    (chat.state.surveyComment && !keepsFollowUp)
  )
    await saveState(turn, chat, { state: asMember });
  return answerMenu(turn, chat, member, pressed);
}

async function answerMenu(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  pressed: ParsedPayload | null,
): Promise<Outbound[]> {
  const { t, inbound } = turn;
  if (inbound.event.kind === 'button' && inbound.event.payload === MAIN_MENU_PAYLOAD)
    return [withMenu(turn, t('menu.title'))];
  const entry = menuEntryOf(turn, inbound.event, pressed);
  if (entry)
    return entry.open(turn, chat, member, inbound.event.kind === 'command' ? (inbound.event.payload ?? '') : '');
  if (pressed?.kind === 'toggleNotification') return [await toggleNotification(turn, member, pressed.topic)];
  if (isCommand(inbound.event, 'start')) return [withMenu(turn, t('menu.welcomeBack', { name: member.name }))];
  if (isCommand(inbound.event, 'menu')) return [withMenu(turn, t('menu.title'))];
  const owner =
    inbound.event.kind === 'button' && pressed?.kind === 'unknown'
      ? turn.deps.menu.payloadKind(inbound.event.payload)
      : undefined;
  if (owner && inbound.event.kind === 'button') return owner.answer(turn, chat, member, inbound.event.payload);
  if (pressed?.kind === 'unknown' || pressed?.kind === 'menu') return [withMenu(turn, t('errors.unknownButton'))];
  // A second tap on a registration button (Skip, I agree…) after the card was issued, or an unknown command.
  if (pressed) return [withMenu(turn, t('menu.title'))];
  return [withMenu(turn, t('errors.notUnderstood'))];
}

/** After the second text in a row the bot cannot make sense of, it offers a person (Yes sends both texts). */
async function notUnderstood(turn: Turn, chat: MemberChat, text: string): Promise<Outbound[]> {
  const missed = [...(chat.state.missed ?? []), text];
  if (missed.length >= 2)
    return offerTicket(turn, chat, {
      reason: 'notUnderstood',
      text: missed.filter((words) => words.trim() !== '').join('\n'),
    });
  await saveState(turn, chat, { state: { v: 1, step: 'member', missed } });
  return [withMenu(turn, turn.t('errors.notUnderstood'))];
}

/** The menu entry a button or a command names, if any capability registered it. */
function menuEntryOf(turn: Turn, event: InboundEvent, pressed: ParsedPayload | null): MenuEntry | undefined {
  if (pressed?.kind === 'menu') return turn.deps.menu.byId(pressed.item);
  if (event.kind === 'command') return turn.deps.menu.byCommand(event.command);
  return undefined;
}
