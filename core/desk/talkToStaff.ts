import type { MemberState } from '../conversation/chatState.ts';
import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import type { InboundEvent } from '../inbound.ts';
import { message, type Outbound } from '../outbound.ts';
import type { ParsedPayload } from '../payloads.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { closeRequest } from './closeRequest.ts';
import { deskPayload } from './deskPayloads.ts';
import { ticketButtons } from './ticketButtons.ts';

/** How the member's turn is answered when it is not the desk's: the menu as usual, or the whole turn again. */
export interface BotSide {
  /** The menu's answer to a button or a command, the ticket left open. */
  answerMenu: (chat: MemberChat) => Promise<Outbound[]>;
  /** The whole turn as if no ticket were open: staff resolved it meanwhile. */
  serveAsUsual: (chat: MemberChat) => Promise<Outbound[]>;
}

/** The menu entries that would open a second ticket: while one is open, they point at it instead. */
const OPENS_A_TICKET = new Set(['human', 'complaint']);

/**
 * A member whose ticket is open: what they write (photos too) goes to the
 * ticket's thread, the first message of each burst acknowledged; every
 * button and command keeps working (the card and its till code, /start,
 * /menu); ✖ Close my request or /cancel closes the request. Once staff have
 * resolved the ticket, the chat is the bot's again.
 */
export async function talkToStaff(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  pressed: ParsedPayload | null,
  bot: BotSide,
): Promise<Outbound[]> {
  const { event } = turn.inbound;
  if (isCloseRequest(event, ticketId)) return closeRequest(turn, chat, member, ticketId);
  const words = relayedWords(turn, event);
  if (pressed || words === null) return answerWhileOpen(turn, chat, ticketId, pressed, bot);
  return relayToStaff(turn, chat, member, ticketId, words, bot);
}

/** A button, a command or a shared contact while the ticket is open: the bot answers it; the ticket stays open. */
async function answerWhileOpen(
  turn: Turn,
  chat: MemberChat,
  ticketId: string,
  pressed: ParsedPayload | null,
  bot: BotSide,
): Promise<Outbound[]> {
  const { t, deps, inbound } = turn;
  const ticket = await deps.desk.store.find(ticketId);
  if (!ticket || ticket.status === 'resolved') return giveBackToBot(turn, chat, bot.serveAsUsual);
  const entry =
    pressed?.kind === 'menu' ? pressed.item : inbound.event.kind === 'command' ? inbound.event.command : undefined;
  if (inbound.event.kind === 'contact' || (entry !== undefined && OPENS_A_TICKET.has(entry)))
    return [message(t('desk.withStaff'), ticketButtons(t, ticketId))];
  return bot.answerMenu(chat);
}

/** The member's words (or photo) to the ticket's thread; the first of a burst is acknowledged. */
async function relayToStaff(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  words: string,
  bot: BotSide,
): Promise<Outbound[]> {
  const { t, inbound, deps } = turn;
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  const sourceKey = `${inbound.channel}:${inbound.updateId}`;
  const photo = inbound.event.kind === 'photo' ? { channel: inbound.channel, fileId: inbound.event.fileId } : undefined;
  const burstStart = await deps.desk.store.lastCustomerActivityAt(ticketId);
  const outcome = await deps.desk.store.addCustomerMessage(
    { ticketId, sourceKey, author: 'customer', text: words, ...(photo && { photoFileId: photo.fileId }), at: turn.now },
    {
      dedupeKey: `desk:${ticketId}:in:${sourceKey}`,
      post: {
        kind: 'thread',
        text: staffT(photo ? 'desk.thread.customerPhoto' : 'desk.thread.customer', { name: member.name }),
        ...(words && { quote: words }),
        ...(photo && { photo }),
      },
    },
  );
  if (outcome === 'duplicate') return [];
  if (outcome !== 'added') return giveBackToBot(turn, chat, bot.serveAsUsual);
  if (!startsBurst(burstStart, turn.now, deps.desk.settings.burstMinutes)) return [];
  return [message(t('desk.passed'), ticketButtons(t, ticketId))];
}

/** A message starts a burst when the customer wrote nothing (and opened nothing) in the last `burstMinutes`. */
function startsBurst(lastActivity: Date | null, now: Date, burstMinutes: number): boolean {
  return lastActivity === null || now.getTime() - lastActivity.getTime() >= burstMinutes * 60_000;
}

/** Staff resolved the ticket meanwhile: the bot has the chat again, and answers this update as usual. */
async function giveBackToBot(
  turn: Turn,
  chat: MemberChat,
  serveAsUsual: (chat: MemberChat) => Promise<Outbound[]>,
): Promise<Outbound[]> {
  const rest: MemberState = { ...chat.state };
  delete rest.ticket;
  await saveState(turn, chat, { state: rest });
  return serveAsUsual({ ...chat, state: rest, version: chat.version + 1 });
}

function isCloseRequest(event: InboundEvent, ticketId: string): boolean {
  return (
    (event.kind === 'button' && event.payload === deskPayload.close(ticketId)) ||
    (event.kind === 'command' && event.command === 'cancel')
  );
}

/**
 * What of the member's message staff get; null for what is the bot's to
 * answer (a command the bot knows, a button, a shared contact). A command the
 * bot does not know is relayed as the member typed it.
 */
function relayedWords(turn: Turn, event: InboundEvent): string | null {
  switch (event.kind) {
    case 'text':
      return event.text;
    case 'photo':
      return event.caption ?? '';
    case 'command':
      return isBotCommand(turn, event.command) ? null : `/${event.command}${event.payload ? ` ${event.payload}` : ''}`;
    case 'button':
    case 'contact':
      return null;
  }
}

function isBotCommand(turn: Turn, command: string): boolean {
  return command === 'start' || command === 'menu' || turn.deps.menu.byCommand(command) !== undefined;
}
