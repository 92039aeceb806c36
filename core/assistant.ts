import type { Channel, Inbound } from './inbound.ts';
import { localeFromHint, type Locale } from './i18n/locale.ts';
import type { Outbound } from './outbound.ts';
import { continueChat } from './conversation/continueChat.ts';
import { greetStranger } from './conversation/greetStranger.ts';
import { ChatChangedError, turnIn, type AssistantDeps } from './conversation/turn.ts';
import { answerCashier } from './till/answerCashier.ts';

export type { AssistantDeps } from './conversation/turn.ts';

/** The one entry point of the core: an update in, the replies out. */
export interface Assistant {
  handle(inbound: Inbound): Promise<Outbound[]>;
  /** The language a person chose in the chat, else the one their platform hints at. */
  localeFor(channel: Channel, address: string, hint?: string): Promise<Locale>;
}

const MAX_ATTEMPTS = 3;

export function createAssistant(deps: AssistantDeps): Assistant {
  return {
    handle: (inbound) => handleInbound(deps, inbound),
    localeFor: async (channel, address, hint) =>
      (await deps.chats.findChat(channel, address))?.locale ?? localeFromHint(hint, deps.settings.defaultLocale),
  };
}

/**
 * De-duplicates the update, then answers it. A failed update is un-claimed so
 * the platform's redelivery gets a second chance instead of being dropped.
 */
async function handleInbound(deps: AssistantDeps, inbound: Inbound): Promise<Outbound[]> {
  const { channel, updateId } = inbound;
  if (!(await deps.inbound.claimUpdate(channel, updateId))) {
    deps.log.info({ channel, updateId }, 'duplicate update: no second effect');
    return inbound.repliesInResponse ? ((await deps.inbound.recallReplies(channel, updateId)) ?? []) : [];
  }
  try {
    const replies = await answerWithRetry(deps, inbound);
    if (inbound.repliesInResponse) await deps.inbound.rememberReplies(channel, updateId, replies);
    return replies;
  } catch (error) {
    await deps.inbound.releaseUpdate(inbound.channel, inbound.updateId);
    throw error;
  }
}

async function answerWithRetry(deps: AssistantDeps, inbound: Inbound): Promise<Outbound[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await answer(deps, inbound);
    } catch (error) {
      if (!(error instanceof ChatChangedError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function answer(deps: AssistantDeps, inbound: Inbound): Promise<Outbound[]> {
  // At the till: a cashier's till updates go to the till; a customer never gets there.
  const cashier = await deps.till.findCashier(inbound.channel, inbound.address);
  if (cashier) return answerCashier(deps, inbound, cashier, () => answerCustomer(deps, inbound));
  return answerCustomer(deps, inbound);
}

async function answerCustomer(deps: AssistantDeps, inbound: Inbound): Promise<Outbound[]> {
  const chat = await deps.chats.findChat(inbound.channel, inbound.address);
  if (!chat) return greetStranger(deps, inbound);
  // Someone who writes to us can be written to again (the outbox skipped them while blocked).
  if (chat.unreachableAt) await deps.chats.markReachable(chat.id);
  return continueChat(turnIn(deps, inbound, chat.locale), chat);
}
