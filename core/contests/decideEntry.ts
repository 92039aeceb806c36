import type { Translator } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { ContestStore, DecideOutcome } from './contestsPorts.ts';
import { contestText } from './contestText.ts';

export interface ModerationDeps {
  store: Pick<ContestStore, 'find' | 'entry' | 'decide'>;
  translator: Translator;
  defaultLocale: Locale;
  clock: () => Date;
}

export interface ModeratorChoice {
  entryId: string;
  approve: boolean;
  /** Why it was rejected, as the author will read it; a rejection without one gets the default reason. */
  reason?: string | null;
  /** "slack:<user id>" or "console:<account id>". */
  decidedBy: string;
}

/**
 * Approves or rejects an entry, from Slack or the console alike: the first
 * decision counts, and its author is told in their language (a rejection
 * with its reason) by a message written with the decision.
 */
export async function decideEntry(deps: ModerationDeps, choice: ModeratorChoice): Promise<DecideOutcome> {
  const entry = await deps.store.entry(choice.entryId);
  const contest = entry && (await deps.store.find(entry.contestId));
  if (!entry || !contest) return { kind: 'not-found' };
  const t = deps.translator.forLocale(entry.authorLocale);
  const reason = choice.approve ? null : choice.reason?.trim() || t('contests.moderation.defaultReason');
  return deps.store.decide(
    { entryId: choice.entryId, approve: choice.approve, reason, decidedBy: choice.decidedBy, now: deps.clock() },
    (decided): Notification => ({
      memberId: decided.memberId,
      dedupeKey: `contest:${decided.contestId}:entry:${decided.id}:v${decided.version}:decided`,
      message: {
        text: t(choice.approve ? 'contests.decided.approved' : 'contests.decided.rejected', {
          title: contestText(contest.title, entry.authorLocale, deps.defaultLocale),
          reason,
        }),
      },
    }),
  );
}
