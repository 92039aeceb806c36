import { ConflictError } from '../errors.ts';
import type { Inbound } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Translate, Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { ChatStore, InboundLog } from './conversationPorts.ts';
import type { MemberStore } from '../members/membersPorts.ts';
import type { LedgerReads } from '../points/pointsPorts.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';
import type { PointsService } from '../points/pointsService.ts';
import type { Referrals } from '../referral/referralPorts.ts';
import type { PrivacyStore } from '../privacy/privacyPorts.ts';
import type { TillStore } from '../till/tillPorts.ts';
import type { DeskDeps } from '../desk/deskPorts.ts';
import type { MenuRegistry } from '../menu/menuPorts.ts';
import type { Understanding } from '../understanding/understandingPorts.ts';
import type { Button } from '../outbound.ts';
import type { QuizPlayStore } from '../quizzes/quizzesPorts.ts';
import type { SurveyDeps } from '../surveys/surveysPorts.ts';
import type { SegmentAudience } from '../segments/segmentAudience.ts';
import type { MarketingConsentStore } from '../marketing/marketingPorts.ts';
import type { CampaignStore } from '../campaigns/campaignsPorts.ts';
import type { ContestChatDeps } from '../contests/contestChatDeps.ts';
import type { PrizeStore } from '../contests/prizePorts.ts';
import type { DrawStore } from '../contests/draws/drawsPorts.ts';

/** What the assistant is built from; the composition root supplies it. */
export interface AssistantDeps {
  /** Updates already handled (de-duplication). */
  inbound: InboundLog;
  chats: ChatStore;
  members: MemberStore;
  ledger: LedgerReads;
  translator: Translator;
  settings: ProgramSettings;
  clock: () => Date;
  log: Logger;
  points: PointsService;
  /** Cashiers and their till sessions. */
  till: TillStore;
  /** The staff desk: tickets, and their thread in the staff channel. */
  desk: DeskDeps;
  /** Every capability's main menu entries and button payloads (app/assistantMenu.ts). */
  menu: MenuRegistry;
  /** What typed requests ask for (core/understanding; app/understanding.ts builds the default one). */
  understanding: Understanding;
  /** Invitation codes; without it the invite screen shows no code. */
  referrals?: Referrals;
  /** Personal data for "My data" (core/privacy/); without it the screen says it is unavailable. */
  privacy?: Pick<PrivacyStore, 'summary' | 'erase'>;
  /** Quizzes members play in the chat (core/quizzes/); without it none is offered. */
  quizzes?: QuizPlayStore;
  /** Who a quiz meant for a segment is for (core/segments/segmentAudience.ts); without it such quizzes are shown to nobody. */
  audience?: SegmentAudience;
  /** NPS and CSAT answers (core/surveys); without it a survey button is answered as unknown. */
  surveys?: SurveyDeps;
  /** Consent to news and offers (core/marketing/); without it the question and the switch are not shown. */
  marketing?: MarketingConsentStore;
  /** Campaigns, whose buttons are counted when pressed (core/campaigns/); without it such a button is answered as unknown. */
  campaigns?: Pick<CampaignStore, 'find' | 'recordPress'>;
  /** Photo and drawing contests: entries and votes (core/contests/); without it none is offered. */
  contests?: ContestChatDeps;
  /** Prizes won in draws and contests (core/contests/): codes on the card, redeemed at the till; without it none are shown. */
  prizes?: Pick<PrizeStore, 'unredeemedCodes' | 'redeem'>;
  /** Prize draws members take part in with a button (core/contests/draws/); without it none is offered. */
  draws?: Pick<DrawStore, 'join' | 'openOptIns'>;
}

/** One update being answered: who, in which language, at what moment. */
export interface Turn {
  deps: AssistantDeps;
  inbound: Inbound;
  locale: Locale;
  t: Translate;
  now: Date;
  /** Dynamic main menu buttons for this member at this moment (core/menu/menuPorts.ts), once resolved. */
  menuExtras?: { row: number; buttons: Button[] }[];
}

export function turnIn(deps: AssistantDeps, inbound: Inbound, locale: Locale): Turn {
  return { deps, inbound, locale, t: deps.translator.forLocale(locale), now: deps.clock() };
}

/**
 * Another update of the same chat changed it while this one was being
 * handled (a second instance, a double tap). The update is handled again
 * against the fresh state.
 */
export class ChatChangedError extends ConflictError {
  constructor() {
    super('chat');
  }
}
