import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ContestEntry } from '../../core/contests/contest.ts';
import type { DecideOutcome } from '../../core/contests/contestsPorts.ts';
import type { ModeratorChoice } from '../../core/contests/decideEntry.ts';
import type { Translate } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/logger.ts';
import { clip, escapeSlack, quoteSlack } from './slackText.ts';
import type { StaffDirectory } from './staffDirectory.ts';

/** What moderating contest entries in Slack needs from the application. */
export interface ContestModerationOptions {
  /** The moderation channel's id (SLACK_MODERATION_CHANNEL, by default the staff channel). */
  channel: string;
  /** The entry's picture, cleaned, and what the post says of it. */
  describe(entry: ContestEntry): Promise<{ title: string; authorName: string; picture: Uint8Array | null } | null>;
  decide(choice: ModeratorChoice): Promise<DecideOutcome>;
  /** Texts in the staff's language. */
  staffT: Translate;
  log: Logger;
}

const ACTION = /^contestmod:([ar]):([A-Za-z0-9-]{1,40})$/;

/**
 * Posts an entry to the moderation channel: the text and Approve and Reject
 * buttons, the picture in its thread. A post that fails is logged; the
 * entry waits in the console's queue all the same.
 */
export function postEntryForModeration(client: WebClient, options: ContestModerationOptions) {
  return async (entry: ContestEntry): Promise<void> => {
    try {
      const about = await options.describe(entry);
      if (!about) return;
      const { staffT: t } = options;
      const lines = [escapeSlack(t('contests.moderation.post', { title: about.title, name: about.authorName }))];
      if (entry.caption) lines.push(quoteSlack(clip(entry.caption, 500)));
      const text = lines.join('\n');
      const button = (label: string, kind: 'a' | 'r', style: 'primary' | 'danger') => ({
        type: 'button' as const,
        text: { type: 'plain_text' as const, text: label },
        action_id: `contestmod:${kind}:${entry.id}`,
        value: `contestmod:${kind}:${entry.id}`,
        style,
      });
      const posted = await client.chat.postMessage({
        channel: options.channel,
        text,
        unfurl_links: false,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text } },
          {
            type: 'actions',
            elements: [
              button(t('contests.moderation.approve'), 'a', 'primary'),
              button(t('contests.moderation.reject'), 'r', 'danger'),
            ],
          },
        ],
      });
      if (about.picture && posted.ts)
        await client.filesUploadV2({
          channel_id: options.channel,
          thread_ts: posted.ts,
          file: Buffer.from(about.picture),
          filename: 'entry.jpg',
        });
    } catch (error) {
      options.log.warn(
        { err: error, entryId: entry.id },
        'contests: could not post an entry to Slack; it waits in the console',
      );
    }
  };
}

/**
 * Approve and Reject in Slack: only members of the moderation channel may
 * decide, the first decision counts, and the post then says who decided.
 */
export function registerContestModeration(
  app: App,
  directory: StaffDirectory,
  options: ContestModerationOptions,
): void {
  app.action(ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const [, kind, entryId] = ACTION.exec(value) ?? [];
    const tell = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(text) });
    const { staffT: t } = options;
    if (!entryId) return;
    if (!(await directory.isStaff(body.user.id))) return void (await tell(t('contests.moderation.notMember')));
    const who = await directory.firstName(body.user.id);
    const outcome = await options.decide({ entryId, approve: kind === 'a', decidedBy: `slack:${body.user.id}` });
    if (outcome.kind === 'not-found') return void (await tell(t('errors.unknownButton')));
    if (outcome.kind === 'already') return void (await tell(t('contests.moderation.already')));
    const decided =
      outcome.entry.status === 'approved'
        ? t('contests.moderation.approvedBy', { who })
        : t('contests.moderation.rejectedBy', { who, reason: outcome.entry.reason ?? '' });
    await respond({ replace_original: true, text: escapeSlack(decided) });
  });
}
