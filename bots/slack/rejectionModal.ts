import type { ViewStateValue, ViewUpdateResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { isRejectionReason, REJECTION_REASONS, type RejectionReason } from '../../core/contests/rejectionReasons.ts';
import type { Translate } from '../../core/i18n/translator.ts';
import { escapeSlack } from './slackText.ts';

/** The modal's callback id: `app.view` routes its submissions to the moderation. */
export const REJECTION_CALLBACK = 'contestmod:reject';
export const REASON_BLOCK = 'reason';
export const NOTE_BLOCK = 'note';
/** As long as the console and the API let a reason be. */
const NOTE_MAX = 300;

/** Which entry the modal decides, and where its moderation post is, carried in `private_metadata`. */
export interface RejectionTarget {
  entryId: string;
  channel: string;
  ts: string;
}

export interface Rejection {
  reasonKey: RejectionReason;
  note: string | null;
}

/**
 * Reject in Slack: the common reasons (the author reads the chosen one in
 * their language) and an optional note, sent as the moderator writes it.
 */
export function rejectionModal(t: Translate, target: RejectionTarget): ModalView {
  return {
    type: 'modal',
    callback_id: REJECTION_CALLBACK,
    private_metadata: JSON.stringify(target),
    title: plain(t('contests.moderation.modal.title')),
    submit: plain(t('contests.moderation.modal.submit')),
    close: plain(t('contests.moderation.modal.cancel')),
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: plain(t('contests.moderation.modal.reason')),
        element: {
          type: 'radio_buttons',
          action_id: REASON_BLOCK,
          options: REJECTION_REASONS.map((key) => ({ text: plain(t(`console.contests.reasons.${key}`)), value: key })),
        },
      },
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: plain(t('contests.moderation.modal.note')),
        element: { type: 'plain_text_input', action_id: NOTE_BLOCK, multiline: true, max_length: NOTE_MAX },
      },
    ],
  };
}

/** The modal's target, or null for metadata this app did not write. */
export function rejectionTarget(metadata: string): RejectionTarget | null {
  try {
    const parsed = JSON.parse(metadata) as Partial<RejectionTarget>;
    const { entryId, channel, ts } = parsed;
    return typeof entryId === 'string' && typeof channel === 'string' && typeof ts === 'string'
      ? { entryId, channel, ts }
      : null;
  } catch {
    return null;
  }
}

/** The submitted choice; null when no known reason was chosen (Slack's client requires one, a forged payload may not). */
export function readRejection(values: Record<string, Record<string, ViewStateValue>>): Rejection | null {
  const key = values[REASON_BLOCK]?.[REASON_BLOCK]?.selected_option?.value;
  if (!isRejectionReason(key)) return null;
  const note = values[NOTE_BLOCK]?.[NOTE_BLOCK]?.value?.trim().slice(0, NOTE_MAX) ?? '';
  return { reasonKey: key, note: note === '' ? null : note };
}

/** The modal replaced by a few words and a Close button: what a submission that changed nothing answers. */
export function noticeModal(t: Translate, text: string): ViewUpdateResponseAction {
  return {
    response_action: 'update',
    view: {
      type: 'modal',
      title: plain(t('contests.moderation.modal.noticeTitle')),
      close: plain(t('contests.moderation.modal.close')),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeSlack(text) } }],
    },
  };
}

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}
