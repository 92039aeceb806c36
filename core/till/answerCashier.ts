import type { AssistantDeps } from '../conversation/turn.ts';
import { localeFromHint, type Locale } from '../i18n/locale.ts';
import type { Inbound, InboundEvent } from '../inbound.ts';
import type { Outbound } from '../outbound.ts';
import { menuPayload } from '../payloads.ts';
import { serveTill } from './serveTill.ts';
import { openTillButton } from './tillMessages.ts';
import { parseTillPayload } from './tillPayloads.ts';
import type { Cashier } from './tillPorts.ts';
import { isTillActive } from './tillState.ts';
import { tillTurnIn } from './tillTurn.ts';
import { PRIZE_COMMAND } from './redeemPrizeAtTill.ts';

/**
 * An update from a cashier. The till answers /till, its own buttons and,
 * while a purchase is being entered, everything else; any other update goes
 * to the customer flow (a cashier may be a member too), whose main menu then
 * gains a Till button. Only the assistant calls this, and only for cashiers:
 * a customer never reaches the till.
 */
export async function answerCashier(
  deps: AssistantDeps,
  inbound: Inbound,
  cashier: Cashier,
  asCustomer: () => Promise<Outbound[]>,
): Promise<Outbound[]> {
  if (!isForTill(inbound.event, cashier)) return withTillButton(deps, inbound, await asCustomer());
  const locale = await cashierLocale(deps, inbound);
  return serveTill(tillTurnIn(deps, inbound, cashier, locale));
}

function isForTill(event: InboundEvent, cashier: Cashier): boolean {
  if (event.kind === 'command' && event.command === 'till') return true;
  if (event.kind === 'command' && event.command === PRIZE_COMMAND) return true;
  if (event.kind === 'button' && parseTillPayload(event.payload)) return true;
  return isTillActive(cashier.state);
}

/** The language of the cashier's chat if they have one, else what their platform hints at. */
async function cashierLocale(deps: AssistantDeps, inbound: Inbound): Promise<Locale> {
  const chat = await deps.chats.findChat(inbound.channel, inbound.address);
  return chat?.locale ?? localeFromHint(inbound.languageHint, deps.settings.defaultLocale);
}

/** Adds the Till button under every main menu; read after the turn, in the language it may have switched to. */
async function withTillButton(deps: AssistantDeps, inbound: Inbound, replies: Outbound[]): Promise<Outbound[]> {
  const hasMenu = (reply: Outbound) =>
    reply.buttons?.some((row) => row.some((button) => button.payload === menuPayload('balance'))) ?? false;
  if (!replies.some(hasMenu)) return replies;
  const t = deps.translator.forLocale(await cashierLocale(deps, inbound));
  return replies.map((reply) =>
    hasMenu(reply) ? { ...reply, buttons: [...reply.buttons!, [openTillButton(t)]] } : reply,
  );
}
