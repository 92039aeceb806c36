import type { Channel, Inbound } from './inbound.ts';
import { localeFromHint, type Locale } from './i18n/locale.ts';
import type { Outbound } from './outbound.ts';
import { continueChat } from './conversation/continueChat.ts';
import { greetStranger } from './conversation/greetStranger.ts';
import { turnIn, type AssistantDeps } from './conversation/turn.ts';
import { ConflictError, retry } from './errors.ts';
import { answerCashier } from './till/answerCashier.ts';

export type { AssistantDeps } from './conversation/turn.ts';

/** The one entry point of the core: an update in, the replies out. */
export interface Assistant {
  /** Never throws for our own failures: it logs them and answers with `failureReply`. */
  handle(inbound: Inbound): Promise<Outbound[]>;
  /**
   * The apology for an update we could not answer, in the person's language:
   * also what an adapter sends when it could not deliver the answer itself.
   */
  failureReply(inbound: Inbound): Promise<Outbound>;
  /** The language a person chose in the chat, else the one their platform hints at. */
  localeFor(channel: Channel, address: string, hint?: string): Promise<Locale>;
  /** The person left the chat on the platform (Viber's unsubscribed): nothing is pushed to it until they write again. */
  unreachable(channel: Channel, address: string): Promise<void>;
}

const MAX_ATTEMPTS = 3;
/** When a chat was last used is written at most this often: enough to know which chat is the recent one, without a write per update. */
const SEEN_GRAIN_MS = 5 * 60 * 1000;

export function createAssistant(deps: AssistantDeps): Assistant {
  return {
    handle: (inbound) => handleInbound(deps, inbound),
    failureReply: (inbound) => failureReply(deps, inbound),
    localeFor: (channel, address, hint) => localeOf(deps, channel, address, hint),
    unreachable: (channel, address) => deps.chats.markUnreachable(channel, address, deps.clock()),
  };
}

async function localeOf(deps: AssistantDeps, channel: Channel, address: string, hint?: string): Promise<Locale> {
  return (await deps.chats.findChat(channel, address))?.locale ?? localeFromHint(hint, deps.settings.defaultLocale);
}

/** In the chat's language when the database still answers, else in the one the platform hints at. */
async function failureReply(deps: AssistantDeps, inbound: Inbound): Promise<Outbound> {
  const locale = await localeOf(deps, inbound.channel, inbound.address, inbound.languageHint).catch(() =>
    localeFromHint(inbound.languageHint, deps.settings.defaultLocale),
  );
  return { text: deps.translator.forLocale(locale)('errors.internal') };
}

/**
 * De-duplicates the update, then answers it. A failed update is un-claimed so
 * the platform's redelivery gets a second chance instead of being dropped,
 * and the person gets the apology, the same on every channel.
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
    deps.log.error({ err: error, channel, updateId }, 'could not answer an update; the person gets an apology');
    // Un-claimed, so a redelivery of the update is answered instead of dropped as a duplicate.
    await deps.inbound
      .releaseUpdate(channel, updateId)
      .catch((releaseError: unknown) =>
        deps.log.error({ err: releaseError, channel, updateId }, 'could not un-claim a failed update'),
      );
    return [await failureReply(deps, inbound)];
  }
}

async function answerWithRetry(deps: AssistantDeps, inbound: Inbound): Promise<Outbound[]> {
  return retry({ attempts: MAX_ATTEMPTS, retryOn: (error) => error instanceof ConflictError }, () =>
    answer(deps, inbound),
  );
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
  const now = deps.clock();
  if (!chat.lastSeenAt || now.getTime() - chat.lastSeenAt.getTime() > SEEN_GRAIN_MS)
    await deps.chats.markSeen(chat.id, now);
  return continueChat(turnIn(deps, inbound, chat.locale), chat);
}
