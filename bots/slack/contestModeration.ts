import type { App, BlockAction, Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ContestEntry } from '../../core/contests/contest.ts';
import type { DecideOutcome } from '../../core/contests/contestsPorts.ts';
import type { ModeratorChoice } from '../../core/contests/decideEntry.ts';
import type { Translate } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/logger.ts';
import {
  noticeModal,
  readRejection,
  REASON_BLOCK,
  rejectionModal,
  rejectionTarget,
  REJECTION_CALLBACK,
  type Rejection,
  type RejectionTarget,
} from './rejectionModal.ts';
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
 * Approve decides at once; Reject opens a modal with the common reasons and
 * a note (rejectionModal.ts), and its submission decides, with the same checks.
 */
export function registerContestModeration(
  app: App,
  directory: StaffDirectory,
  options: ContestModerationOptions,
): void {
  app.action(ACTION, async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const [, kind, entryId] = ACTION.exec(value) ?? [];
    const tell = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(text) });
    const { staffT: t } = options;
    if (!entryId) return;
    if (!(await directory.isStaff(body.user.id))) return void (await tell(t('contests.moderation.notMember')));
    if (kind === 'r') return openRejection(client, body as BlockAction, entryId, { tell, options });
    const who = await directory.firstName(body.user.id);
    const outcome = await options.decide({ entryId, approve: true, decidedBy: `slack:${body.user.id}` });
    if (outcome.kind === 'not-found') return void (await tell(t('errors.unknownButton')));
    if (outcome.kind === 'already') return void (await tell(t('contests.moderation.already')));
    await respond({ replace_original: true, text: escapeSlack(t('contests.moderation.approvedBy', { who })) });
  });

  app.view(REJECTION_CALLBACK, onRejectionSubmitted(directory, options));
}

/** A submitted rejection modal: the same checks as the buttons', then the post says who rejected and why. */
function onRejectionSubmitted(
  directory: StaffDirectory,
  options: ContestModerationOptions,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const { staffT: t } = options;
    const notice = (text: string) => ack(noticeModal(t, text));
    const target = rejectionTarget(view.private_metadata);
    if (!target) return notice(t('errors.unknownButton'));
    // Checked again: the modal may have been opened before its author left the channel, or never by this app.
    if (!(await directory.isStaff(body.user.id))) return notice(t('contests.moderation.notMember'));
    const rejection = readRejection(view.state.values);
    if (!rejection)
      return ack({
        response_action: 'errors',
        errors: { [REASON_BLOCK]: t('contests.moderation.modal.chooseReason') },
      });
    const outcome = await options.decide({
      entryId: target.entryId,
      approve: false,
      reasonKey: rejection.reasonKey,
      reason: rejection.note,
      decidedBy: `slack:${body.user.id}`,
    });
    if (outcome.kind === 'not-found') return notice(t('errors.unknownButton'));
    if (outcome.kind === 'already') return notice(t('contests.moderation.already'));
    await ack();
    await showRejection(client, target, rejection, { who: await directory.firstName(body.user.id), options });
  };
}

/** The modal, opened with the press's trigger id (valid for three seconds, once). */
async function openRejection(
  client: WebClient,
  body: BlockAction,
  entryId: string,
  { tell, options }: { tell: (text: string) => Promise<unknown>; options: ContestModerationOptions },
): Promise<void> {
  const channel = body.channel?.id ?? options.channel;
  const ts = body.message?.ts ?? body.container?.message_ts;
  try {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: rejectionModal(options.staffT, { entryId, channel, ts: typeof ts === 'string' ? ts : '' }),
    });
  } catch (error) {
    options.log.warn({ err: error, entryId }, 'contests: could not open the rejection modal in Slack');
    await tell(options.staffT('contests.moderation.modal.openFailed'));
  }
}

/** The moderation post, its buttons gone, says who rejected and why (in the staff's language). */
async function showRejection(
  client: WebClient,
  target: RejectionTarget,
  rejection: Rejection,
  { who, options }: { who: string; options: ContestModerationOptions },
): Promise<void> {
  const { staffT: t } = options;
  const reason = t(`console.contests.reasons.${rejection.reasonKey}`);
  const text = rejection.note
    ? t('contests.moderation.rejectedWithNote', { who, reason, note: rejection.note })
    : t('contests.moderation.rejectedBy', { who, reason });
  try {
    const shown = escapeSlack(text);
    await client.chat.update({
      channel: target.channel,
      ts: target.ts,
      text: shown,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: shown } }],
    });
  } catch (error) {
    // The decision stands and the author is told; only the post still shows its buttons, which now answer "decided".
    options.log.warn({ err: error, entryId: target.entryId }, 'contests: could not update the moderation post');
  }
}
