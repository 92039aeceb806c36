import type { Translate, Translator } from '../i18n/translator.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { ContestStore, DecideOutcome } from './contestsPorts.ts';
import { contestText } from './contestText.ts';
import type { RejectionReason } from './rejectionReasons.ts';

export interface ModerationDeps {
  store: Pick<ContestStore, 'find' | 'entry' | 'decide'>;
  translator: Translator;
  defaultLocale: Locale;
  clock: () => Date;
}

export interface ModeratorChoice {
  entryId: string;
  approve: boolean;
  /** One of the common reasons, put in the author's language. */
  reasonKey?: RejectionReason | null;
  /**
   * Why it was rejected, in the moderator's words, as the author will read
   * it: with `reasonKey`, a note added to it. A rejection with neither gets
   * the default reason.
   */
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
  const reason = choice.approve ? null : rejectionText(t, choice);
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

/** The reason as the author reads it: the common reason in their language, with the moderator's note if any. */
export function rejectionText(t: Translate, choice: Pick<ModeratorChoice, 'reasonKey' | 'reason'>): string {
  const note = choice.reason?.trim() ?? '';
  if (!choice.reasonKey) return note || t('contests.moderation.defaultReason');
  const reason = t(`contests.rejection.${choice.reasonKey}`);
  return note ? t('contests.rejection.withNote', { reason, note }) : reason;
}
