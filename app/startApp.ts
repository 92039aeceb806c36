// The composition root, past 300 lines on purpose: it is the one place that
// knows every capability, channel and store, and reads top to bottom as the
// order they are wired in. Each capability's own wiring already lives beside
// it (app/desk.ts, app/viber.ts, app/assistantMenu.ts, app/startScheduler.ts…);
// what stays here is the list of them.
import { assistantMenu } from './assistantMenu.ts';
import { memberCommands, type MemberCommand } from '../core/menu/memberCommands.ts';
import { defaultUnderstanding } from './understanding.ts';
import { purchaseReactions } from './purchaseReactions.ts';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Dispatcher } from '../core/outbox/dispatcher.ts';
import { createAssistant, type Assistant, type AssistantDeps } from '../core/assistant.ts';
import { createTranslator, type Translator } from '../core/i18n/translator.ts';
import { migrateDatabase } from '../core/storage/db/migrateDatabase.ts';
import { openDatabase, type Database } from '../core/storage/db/openDatabase.ts';
import { createConversationStores } from '../core/storage/conversation/createConversationStores.ts';
import { pingDatabase } from '../core/storage/db/pingDatabase.ts';
import { createAccountStore } from '../core/storage/accounts/createAccountStore.ts';
import { createSessionStore } from '../core/storage/accounts/createSessionStore.ts';
import { createAttemptLimit } from '../core/storage/db/createAttemptLimit.ts';
import { SIGN_IN_FAILURES, type SignInDeps } from '../core/accounts/signIn.ts';
import { fillSearchNames } from '../core/storage/members/fillSearchNames.ts';
import { createMemberDirectory } from '../core/storage/members/createMemberDirectory.ts';
import { createPrivacyStore } from '../core/storage/privacy/createPrivacyStore.ts';
import { privacyWithPhotos } from './privacyWithPhotos.ts';
import { createQuizPlayStore } from '../core/storage/quizzes/createQuizPlayStore.ts';
import { createQuizStore } from '../core/storage/quizzes/createQuizStore.ts';
import { createSegmentMembers, createSegmentStore } from '../core/storage/segments/createSegmentStore.ts';
import { segmentAudience } from '../core/segments/segmentAudience.ts';
import { createMarketingConsentStore } from '../core/storage/marketing/createMarketingConsentStore.ts';
import { campaignDepsOf } from './campaigns.ts';
import { createAuditLog } from '../core/storage/audit/createAuditLog.ts';
import { createApiKeyStore } from '../core/storage/api/createApiKeyStore.ts';
import { createIdempotencyStore } from '../core/storage/api/createIdempotencyStore.ts';
import { createStaffStore } from '../core/storage/staff/createStaffStore.ts';
import { createSettingsStore } from '../core/storage/db/createSettingsStore.ts';
import { createPointsStore } from '../core/storage/points/createPointsStore.ts';
import { createTillStore } from '../core/storage/till/createTillStore.ts';
import { createCodeGuesses } from '../core/storage/till/createCodeGuesses.ts';
import { createPointsService, type PointsService } from '../core/points/pointsService.ts';
import { createAdjustPoints } from '../core/points/adjustPoints.ts';
import { createAdjustmentStore } from '../core/storage/points/adjustPoints.ts';
import { createReferralStore } from '../core/storage/referral/createReferralStore.ts';
import { registerConsole } from '../console/registerConsole.ts';
import { createTelegramBot } from '../bots/telegram/createTelegramBot.ts';
import { startTelegram, type TelegramTransport } from '../bots/telegram/startTelegram.ts';
import { registerWebChat } from '../bots/web/registerWebChat.ts';
import { API_PREFIX } from '../api/mountRoutes.ts';
import { apiRouterRefusal } from '../api/problemHandlers.ts';
import { registerApi } from '../api/registerApi.ts';
import { dataDirectoryOf, ensureAdminToken, type AdminToken } from './adminToken.ts';
import type { Config } from './config.ts';
import { createHttpServer } from './httpServer.ts';
import type { Pino } from './logger.ts';
import { programSettingsFrom } from './programSettings.ts';
import { startScheduler } from './startScheduler.ts';
import { backupScheduleOf } from './backups.ts';
import { metricsFor } from './metrics/metricsFor.ts';
import { countUpdates } from './metrics/countUpdates.ts';
import { countPoints } from './metrics/countPoints.ts';
import { countResponses } from './metrics/countResponses.ts';
import { serveMetrics } from './metrics/serveMetrics.ts';
import { createSurveyStore } from '../core/storage/surveys/createSurveyStore.ts';
import { surveysApiOf } from './surveysApi.ts';
import { scoresApiOf } from './scoresApi.ts';
import { useFiguresTimezone } from '../core/storage/analytics/figuresCalendar.ts';
import { createAnalyticsReads } from '../core/storage/analytics/createAnalyticsReads.ts';
import { rebuildFiguresIfMissing } from '../core/storage/analytics/rebuildFiguresIfMissing.ts';
import { startDispatcher, webInboxOf } from './startDispatcher.ts';
import {
  deskDeliveryFor,
  deskDepsFor,
  deskInboxFor,
  deskPresenceFor,
  deskSettingsFrom,
  slackConfigured,
} from './desk.ts';
import type { PhotoSource } from '../core/desk/deskPorts.ts';
import type { Channel } from '../core/inbound.ts';
import { createStaffDesk, type StaffDesk } from '../core/desk/staffDesk.ts';
import { createSlackDesk, type SlackDesk } from '../bots/slack/createSlackDesk.ts';
import { registerSlackRoute } from '../bots/slack/registerSlackRoute.ts';
import { telegramPhotoSource } from '../bots/telegram/telegramPhotos.ts';
import { createWebPhotoStore } from '../bots/web/webPhotoStore.ts';
import { createFilePictureStore } from '../core/storage/media/createFilePictureStore.ts';
import { registerMediaRoute } from './mediaRoute.ts';
import { viberPhotoSource } from '../bots/viber/viberPhotos.ts';
import { contestChatDepsOf, contestPicturesOf, slackModerationOf } from './contests.ts';
import type { ContestModerationOptions } from '../bots/slack/contestModeration.ts';
import { createContestStore } from '../core/storage/contests/createContestStore.ts';
import { connectViber } from './viber.ts';
import { prizesOf } from './prizes.ts';
import { drawDepsOf } from './draws.ts';
import { registerDrawPages } from '../pages/draws/registerDrawPages.ts';
import { registerContestGallery } from '../pages/contests/registerContestGallery.ts';
import { createDrawStore } from '../core/storage/contests/createDrawStore.ts';

export interface RunningApp {
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000. */
  url: string;
  db: Database;
  assistant: Assistant;
  points: PointsService;
  server: FastifyInstance;
  adminToken: AdminToken;
  telegram: { bot: Bot; transport: TelegramTransport } | null;
  /** Delivers the outbox; `nudge()` it after writing a message to skip the wait for the next poll. */
  outbox: Dispatcher;
  /** Where GET /metrics is served without a token (METRICS_PORT, on 127.0.0.1); null when it is not. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

/** Composition root: opens and migrates the database, wires the core to every configured channel, listens. */
export async function startApp(config: Config, log: Pino, options: { clock?: () => Date } = {}): Promise<RunningApp> {
  const db = openDatabase(config.DATABASE_URL);
  try {
    const applied = await migrateDatabase(db, { log: (msg) => log.info(msg) });
    if (applied.applied.length > 0) log.info({ migrations: applied.applied }, 'database migrated');
    const named = await fillSearchNames(db);
    if (named > 0) log.info({ members: named }, 'member names prepared for search');
    return await wire(config, log, db, options.clock ?? (() => new Date()));
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function wire(config: Config, log: Pino, db: Database, clock: () => Date): Promise<RunningApp> {
  // Prometheus metrics (app/metrics/): the core is observed from outside, through the ports it is given.
  const metrics = metricsFor(db, clock);
  const stores = createConversationStores(db);
  const updates = countUpdates(metrics, stores.inbound);
  const translator = createTranslator();
  const settings = {
    ...programSettingsFrom(config),
    botUsername: config.TELEGRAM_BOT_USERNAME,
    viberChatUri: config.VIBER_CHAT_URI,
  };
  // The analytics roll-ups count purchases and points on the programme's days (core/storage/analytics/).
  useFiguresTimezone(settings.timezone);
  if (await rebuildFiguresIfMissing(db)) log.info('analytics roll-ups built from the existing purchases and ledger');
  const points = countPoints(
    metrics,
    createPointsService({
      store: createPointsStore(
        db,
        { welcomeBonus: config.WELCOME_BONUS_POINTS, pointsLifetimeDays: config.POINTS_LIFETIME_DAYS },
        purchaseReactions(translator, settings.timezone),
      ),
      translator,
      clock,
      log,
    }),
  );
  // Referral: invitation codes reach the conversation as an extra of the assistant's deps (core/referral/referralPorts.ts).
  // A customer is promised a waiting time only while a desk is connected: Slack, or the inbox worked within a day.
  const presence = deskPresenceFor(db, clock, config);
  const desk = deskDepsFor(
    db,
    translator,
    deskSettingsFrom(config),
    () => presence.connected(),
    slackConfigured(config),
  );
  const menu = assistantMenu();
  const webPhotos = createWebPhotoStore(config.WEBCHAT_PHOTO_DIR);
  // Uploaded pictures (campaign images, contest entries), cleaned of metadata, public at /media/{id}.
  const pictures = createFilePictureStore(config.MEDIA_DIR);
  const privacy = privacyWithPhotos(createPrivacyStore(db), webPhotos, log);
  const segments = { store: createSegmentStore(db), members: createSegmentMembers(db) };
  const campaigns = campaignDepsOf(db, { translator, settings, loadRules: points.rules, log });
  // Customers' photos by channel, for the Slack relay and the desk inbox alike; Telegram's joins once its bot exists.
  const photos: Partial<Record<Channel, PhotoSource>> = { web: webPhotos.get };
  const contestPictures = contestPicturesOf(pictures);
  const contestStore = createContestStore(db);
  const contestChat = contestChatDepsOf(db, contestPictures, photos);
  // Prizes of draws and contests: points credited or a code issued once per win (core/contests/prize.ts).
  const prizes = prizesOf(db, { translator, settings, loadRules: points.rules, clock, log });
  const deps: AssistantDeps = {
    ...stores,
    inbound: updates.inbound,
    menu,
    understanding: defaultUnderstanding(),
    translator,
    settings,
    clock,
    log,
    points,
    till: createTillStore(db),
    desk,
    referrals: createReferralStore(db),
    privacy,
    quizzes: createQuizPlayStore(db),
    audience: segmentAudience(segments.store, segments.members, settings.timezone),
    surveys: { store: createSurveyStore(db) },
    marketing: createMarketingConsentStore(db),
    campaigns: campaigns.campaigns,
    contests: contestChat,
    prizes: prizes.store,
    draws: createDrawStore(db),
  };
  await deps.understanding.ready;
  const assistant = updates.assistant(createAssistant(deps));
  const staffDesk = createStaffDesk({ desk, translator, settings, loadRules: points.rules, clock, log });
  const adminToken = await ensureAdminToken(
    createSettingsStore(db),
    config.ADMIN_TOKEN,
    dataDirectoryOf(config.DATABASE_URL),
  );
  const secure = config.PUBLIC_URL?.startsWith('https:') ?? false;
  const server = createHttpServer({
    log,
    ping: () => pingDatabase(db),
    trustProxy: config.TRUST_PROXY,
    frameAncestors: config.WEBCHAT_FRAME_ANCESTORS,
    secure,
    routerRefusals: { [`${API_PREFIX}/`]: apiRouterRefusal },
  });
  countResponses(server, metrics);
  registerMediaRoute(server, pictures);
  await registerWebChat(server, {
    assistant,
    translator,
    defaultLocale: settings.defaultLocale,
    secureCookie: secure,
    inbox: webInboxOf(db),
    settings: createSettingsStore(db),
    photos: webPhotos,
    publicUrl: config.PUBLIC_URL,
    limits: { perVisitor: config.WEBCHAT_RATE_LIMIT_PER_MINUTE, perAddress: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE },
  });
  // Stages, quadrants and RFM on demand; a run under way is waited for at stop, before the database closes.
  const scores = scoresApiOf(db, { loadRules: points.rules, settings, log, clock });
  // REST API for point-of-sale systems (api/): /api/v1/… and /api/openapi.json.
  await registerApi(server, {
    ...apiStoresOf(db, stores),
    deskInbox: deskInboxFor({ desk, staffDesk, presence, photos, translator, clock, log }),
    surveys: surveysApiOf(db),
    scores,
    analytics: createAnalyticsReads(db),
    points,
    adminToken,
    settings,
    clock,
    log,
    limits: { perKey: config.API_RATE_LIMIT_PER_MINUTE, perAddress: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE },
    phoneLookups: createCodeGuesses(db, { perMinute: config.API_PHONE_LOOKUPS_PER_MINUTE, kind: 'phone' }),
    signIn: signInDepsOf(db, clock),
    sessionIdleMs: config.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
    secureCookie: secure,
    publicUrl: config.PUBLIC_URL,
    privacy,
    quizzes: createQuizStore(db),
    segments,
    campaigns,
    pictures,
    contests: { store: contestStore, pictures: contestPictures },
    translator,
    prizes: prizes.store,
    draws: drawDepsOf(db, prizes.awarding, clock, log),
    adjustPoints: createAdjustPoints({ store: createAdjustmentStore(db), translator, rules: points.rules, clock }),
  });
  // Public pages of prize draws (pages/draws/): /draws/{id}, verified in the browser.
  registerDrawPages(server, { translator, defaultLocale: settings.defaultLocale });
  // Public galleries of photo and drawing contests (pages/contests/): /contests/{id}, approved entries only.
  registerContestGallery(server, {
    contests: contestStore,
    translator,
    defaultLocale: settings.defaultLocale,
    timezone: settings.timezone,
    now: clock,
  });
  // The web console (console/): /admin, speaking only to the REST API above.
  registerConsole(server, { defaultLocale: settings.defaultLocale, timezone: settings.timezone });
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? await connectTelegram(config, log, server, { assistant, translator, commands: memberCommands(menu) })
    : null;
  if (telegram)
    photos.telegram = telegramPhotoSource(telegram.bot.api, config.TELEGRAM_BOT_TOKEN!, config.TELEGRAM_API_ROOT);
  // Viber (bots/viber/): a webhook only, so it needs PUBLIC_URL; the webhook is set once the server listens.
  const viber = config.VIBER_AUTH_TOKEN ? await connectViber(config, server, { db, assistant, log, clock }) : null;
  if (viber) photos.viber = viberPhotoSource();
  // The staff desk in Slack (bots/slack/): tickets in the staff channel, answers back to the customer.
  const moderation = slackModerationOf({
    channel: config.SLACK_MODERATION_CHANNEL ?? config.SLACK_STAFF_CHANNEL ?? '',
    store: contestStore,
    pictures: contestPictures,
    translator,
    defaultLocale: settings.defaultLocale,
    staffLocale: desk.settings.staffLocale,
    clock,
    log,
  });
  const slack = config.SLACK_BOT_TOKEN ? await connectSlack(config, log, server, staffDesk, photos, moderation) : null;
  // Entries go before the moderation channel as they arrive; without Slack they wait in the console's queue.
  if (slack?.postContestEntry) contestChat.submitted = slack.postContestEntry;
  if (!slack)
    log.info(
      'staff desk: Slack is not configured; tickets are answered in the console’s desk inbox (/admin, or GET /api/v1/tickets); set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_STAFF_CHANNEL to post new tickets to Slack too',
    );
  // GET /metrics behind METRICS_TOKEN here, and/or open on METRICS_PORT at 127.0.0.1; off (404) without either.
  const servedMetrics = await serveMetrics(server, metrics.registry, {
    token: config.METRICS_TOKEN,
    port: config.METRICS_PORT,
  });
  const address = await server.listen({ port: config.PORT, host: config.HOST }).catch(async (error: unknown) => {
    await servedMetrics.close();
    throw error;
  });
  await viber?.setWebhook();
  // Expiry sweep, expiry reminders and birthday greetings (core/jobs), every JOBS_INTERVAL_SECONDS.
  const scheduler = startScheduler(
    db,
    {
      translator,
      settings,
      clock,
      log,
      loadRules: points.rules,
      desk,
      backup: backupScheduleOf(config),
      onOutcomes: (outcomes) => {
        for (const { job, kind } of outcomes) metrics.jobRuns.inc({ job, outcome: kind });
      },
    },
    { intervalMs: config.JOBS_INTERVAL_SECONDS * 1000 },
  );
  // Messages the system sends on its own (core/outbox), within each channel's rate limits.
  const outbox = startDispatcher(
    config,
    db,
    log,
    clock,
    deskDeliveryFor(config, staffDesk, { slack }),
    (channel, kind) => metrics.sends.inc({ channel, kind }),
  );
  // Intake first, so what is in flight finishes against an open database; the outbox gives its leases back last.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await telegram?.transport.stop();
      await server.close();
      await servedMetrics.close();
      await scheduler.stop();
      await outbox.stop();
      await scores.refresh.settled();
      await db.close();
    })());
  return {
    url: address.replace('0.0.0.0', '127.0.0.1'),
    db,
    assistant,
    points,
    server,
    adminToken,
    telegram,
    outbox,
    metricsUrl: servedMetrics.loopbackUrl,
    stop,
  };
}

/** The stores the REST API works through, on one database. */
function apiStoresOf(db: Database, stores: ReturnType<typeof createConversationStores>) {
  const { members, ledger } = stores;
  return {
    members,
    ledger,
    directory: createMemberDirectory(db),
    apiKeyStore: createApiKeyStore(db),
    idempotencyStore: createIdempotencyStore(db),
    codeGuesses: createCodeGuesses(db),
    staff: createStaffStore(db),
    audit: createAuditLog(db),
    accounts: createAccountStore(db),
    sessions: createSessionStore(db),
  };
}

/** Signing in to the console: failures counted in the database per login and per address. */
function signInDepsOf(db: Database, clock: () => Date): SignInDeps {
  const { perAccount, perAddress, windowMs } = SIGN_IN_FAILURES;
  return {
    accounts: createAccountStore(db),
    sessions: createSessionStore(db),
    byAccount: createAttemptLimit(db, 'sign-in', perAccount, windowMs),
    byAddress: createAttemptLimit(db, 'sign-in-address', perAddress, windowMs),
    clock,
  };
}

async function connectSlack(
  config: Config,
  log: Pino,
  server: FastifyInstance,
  desk: StaffDesk,
  photos: Partial<Record<Channel, PhotoSource>>,
  moderation: ContestModerationOptions,
): Promise<SlackDesk> {
  const slack = createSlackDesk({
    token: config.SLACK_BOT_TOKEN!,
    signingSecret: config.SLACK_SIGNING_SECRET!,
    staffChannel: config.SLACK_STAFF_CHANNEL!,
    apiUrl: config.SLACK_API_URL,
    desk,
    photos,
    log,
    moderation,
  });
  await registerSlackRoute(server, slack);
  return slack;
}

async function connectTelegram(
  config: Config,
  log: Pino,
  server: FastifyInstance,
  deps: { assistant: Assistant; translator: Translator; commands: MemberCommand[] },
) {
  const bot = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    log,
    assistant: deps.assistant,
  });
  const transport = await startTelegram(bot, server, {
    publicUrl: config.PUBLIC_URL,
    webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
    log,
    translator: deps.translator,
    defaultLocale: config.DEFAULT_LOCALE,
    commands: deps.commands,
  });
  return { bot, transport };
}
