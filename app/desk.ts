import type { DeskDeps } from '../core/desk/deskPorts.ts';
import { createComplaintMarkers } from '../core/desk/complaintMarkers.ts';
import { createRelayBudget } from '../core/desk/relayBudget.ts';
import { defaultDeskSettings, type DeskSettings } from '../core/desk/deskSettings.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { createDeskStore } from '../core/storage/desk/createDeskStore.ts';
import type { Config } from './config.ts';
import type { StaffDesk } from '../core/desk/staffDesk.ts';
import type { SlackDesk } from '../bots/slack/createSlackDesk.ts';
import type { DeskDelivery, DeskOutlet } from './startDispatcher.ts';
import { createDeskPresence, type DeskPresence } from '../core/desk/deskPresence.ts';
import { createDeskActivityStore } from '../core/storage/desk/deskActivity.ts';
import { createDeskInbox, type DeskInbox } from '../core/desk/deskInbox.ts';
import type { PhotoSource } from '../core/desk/deskPorts.ts';
import type { Channel } from '../core/inbound.ts';
import type { Logger } from '../core/logger.ts';

/** Whether someone is at a desk, on this database: Slack configured, or the inbox worked within a day. */
export function deskPresenceFor(
  db: Database,
  clock: () => Date,
  config: Pick<Config, 'SLACK_BOT_TOKEN'>,
): DeskPresence {
  return createDeskPresence({ store: createDeskActivityStore(db), clock, slackConfigured: slackConfigured(config) });
}

/** The desk inbox the REST API (and the console) work: the Slack desk's core, by ticket id. */
export function deskInboxFor(parts: {
  desk: DeskDeps;
  staffDesk: StaffDesk;
  presence: DeskPresence;
  photos: Partial<Record<Channel, PhotoSource>>;
  translator: Translator;
  clock: () => Date;
  log: Logger;
}): DeskInbox {
  return createDeskInbox({
    store: parts.desk.store,
    staffDesk: parts.staffDesk,
    presence: parts.presence,
    photos: parts.photos,
    clock: parts.clock,
    log: parts.log,
    newId: () => crypto.randomUUID(),
    staffT: parts.translator.forLocale(parts.desk.settings.staffLocale),
    showPhone: parts.desk.settings.showPhone,
  });
}

type DeskConfig = Pick<
  Config,
  | 'DESK_EXPECTED_WAIT_MINUTES'
  | 'DESK_REANNOUNCE_MINUTES'
  | 'DESK_SHOW_STAFF_NAME'
  | 'DESK_SHOW_PHONE'
  | 'STAFF_LOCALE'
  | 'DEFAULT_LOCALE'
  | 'DESK_RELAY_PER_MINUTE'
>;

/** How the staff desk behaves, from the configuration. */
export function deskSettingsFrom(config: DeskConfig): DeskSettings {
  return {
    expectedWaitMinutes: config.DESK_EXPECTED_WAIT_MINUTES,
    reannounceAfterMinutes: config.DESK_REANNOUNCE_MINUTES,
    showStaffName: config.DESK_SHOW_STAFF_NAME,
    showPhone: config.DESK_SHOW_PHONE,
    staffLocale: config.STAFF_LOCALE ?? config.DEFAULT_LOCALE,
    relayPerMinute: config.DESK_RELAY_PER_MINUTE,
    burstMinutes: defaultDeskSettings.burstMinutes,
  };
}

/**
 * The desk's parts on this database. `deskConnected` says whether someone
 * can see tickets (startApp: Slack, or the desk inbox worked within a day); tests and benches that
 * leave it out build a desk as if one were connected. `staffChannels` says whether a staff
 * channel (Slack) takes desk posts; without one none are written.
 */
export function deskDepsFor(
  db: Database,
  translator: Translator,
  settings: DeskSettings,
  deskConnected: DeskDeps['deskConnected'] = () => true,
  staffChannels = true,
): DeskDeps {
  return {
    store: createDeskStore(db, createRelayBudget(settings.relayPerMinute, translator, settings.staffLocale), {
      staffChannels,
    }),
    settings,
    looksLikeComplaint: createComplaintMarkers(translator),
    deskConnected,
  };
}

/**
 * Slack is configured: a desk is connected for good. Without it, someone must
 * have worked the desk inbox in the last 24 hours (core/desk/deskPresence.ts).
 */
export function slackConfigured(config: Pick<Config, 'SLACK_BOT_TOKEN'>): boolean {
  return Boolean(config.SLACK_BOT_TOKEN);
}

/**
 * Where staff see tickets: every desk this deployment has. Slack's staff
 * channel today; the console's desk inbox joins this list as one more
 * outlet. With none, tickets wait in the outbox until one is configured.
 */
export function deskDeliveryFor(
  config: Pick<Config, 'SLACK_RATE_PER_SECOND'>,
  staffDesk: StaffDesk,
  desks: { slack: SlackDesk | null },
): DeskDelivery | undefined {
  const outlets: DeskOutlet[] = [];
  if (desks.slack) outlets.push({ sender: desks.slack.sender, perSecond: config.SLACK_RATE_PER_SECOND });
  if (outlets.length === 0) return undefined;
  return { outlets, onUndeliverable: (message, reason) => staffDesk.undeliverable(message, reason) };
}
