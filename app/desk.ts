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
 * can see tickets (startApp: Slack is configured); tests and benches that
 * leave it out build a desk as if one were connected.
 */
export function deskDepsFor(
  db: Database,
  translator: Translator,
  settings: DeskSettings,
  deskConnected: () => boolean = () => true,
): DeskDeps {
  return {
    store: createDeskStore(db, createRelayBudget(settings.relayPerMinute, translator, settings.staffLocale)),
    settings,
    looksLikeComplaint: createComplaintMarkers(translator),
    deskConnected,
  };
}

/** A desk is connected when Slack is configured (the console's web desk will join this test). */
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
