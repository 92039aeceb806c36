import type { Locale } from '../i18n/locale.ts';
import type { CampaignCategory } from './campaignCategories.ts';
import type { AutomationKind } from './automations.ts';

/**
 * `draft` until started; `scheduled` waits for `sendAt`; `sending` while the
 * audience is enrolled and its messages go out; `paused` holds what has not
 * gone yet; `done` and `cancelled` are final.
 */
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'cancelled' | 'done';

/** The text by language; a member gets theirs, else the programme's default language, else any. */
export type CampaignMessages = Partial<Record<Locale, string>>;

/** What a button under the message does when pressed. */
export type CampaignAction =
  { kind: 'menu'; action: MenuAction } | { kind: 'quiz'; quizId: string } | { kind: 'url'; url: string };

/** The screens of the main menu a button may open. */
export const menuActions = ['balance', 'card', 'history', 'invite', 'help'] as const;
export type MenuAction = (typeof menuActions)[number];

export interface CampaignButton {
  /** The label by language, like the message. */
  label: CampaignMessages;
  action: CampaignAction;
}

export interface CampaignContent {
  name: string;
  /** Null for an automatic message: its trigger picks the members. */
  segmentId: string | null;
  category: CampaignCategory;
  messages: CampaignMessages;
  buttons: CampaignButton[];
  imageUrl: string | null;
  /** Null: when started. */
  sendAt: Date | null;
  holdoutPercent: number;
  resultDays: number;
}

export interface Campaign extends CampaignContent {
  id: string;
  status: CampaignStatus;
  /** What sends an automatic message by itself; null for a one-off campaign. On while `sending`, off while `paused`. */
  trigger: AutomationKind | null;
  /** Win-back's days without a purchase. */
  triggerDays: number | null;
  /** Keys the holdout draw: anyone with it can recompute who was held out. */
  holdoutSeed: string;
  startedAt: Date | null;
  enrolledAt: Date | null;
  fannedOutAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What became of one member of the audience. `pending`: not decided yet. */
export const recipientOutcomes = [
  'pending',
  'not-opted-in',
  'muted',
  'held-out',
  'capped',
  'unreachable',
  'queued',
  'cancelled',
] as const;
export type RecipientOutcome = (typeof recipientOutcomes)[number];
