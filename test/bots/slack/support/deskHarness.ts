// The real application with Telegram and the Slack staff desk on: Telegram
// through the fake Bot API, Slack through the fake Web API, and Slack's
// requests to the app signed and POSTed over loopback as Slack sends them.
import { FakeSlackApi } from '../../../support/fakeSlackApi.ts';
import {
  blockActions,
  eventCallback,
  messageEvent,
  postToApp,
  signedRequest,
  slashCommand,
  type SigningOptions,
} from '../../../support/slackRequests.ts';
import type { SlackView } from '../../../support/slackApiViews.ts';
import { viewSubmission } from '../../../support/slackViewSubmission.ts';
import { TelegramHarness } from '../../telegram/support/telegramHarness.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99aabbcc85a5';
export const STAFF_CHANNEL = 'C0STAFF001';
export const MARIA = { id: 'U0MARIA01', firstName: 'Maria', realName: 'Maria Popescu' };
export const ION = { id: 'U0ION0001', firstName: 'Ion', realName: 'Ion Rusu' };
export const STRANGER = { id: 'U0STRANGE', firstName: 'Vasile', realName: 'Vasile Stranger' };

/** Polls `read` until `done` holds (15 s at most); what the app does reaches Slack through the outbox, a moment later. */
export async function waitUntil<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export class DeskHarness {
  private constructor(
    readonly telegram: TelegramHarness,
    readonly slack: FakeSlackApi,
  ) {}

  /** `slackDown`: Slack does not answer while the app starts. */
  static async start(env: Record<string, string> = {}, options: { slackDown?: boolean } = {}): Promise<DeskHarness> {
    const slack = await FakeSlackApi.start();
    if (options.slackDown) slack.down();
    for (const person of [MARIA, ION, STRANGER]) slack.addUser(person);
    slack.setChannelMembers(STAFF_CHANNEL, [MARIA.id, ION.id, slack.botUserId]);
    try {
      const telegram = await TelegramHarness.start({
        env: {
          SLACK_BOT_TOKEN: slack.token,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_STAFF_CHANNEL: STAFF_CHANNEL,
          SLACK_API_URL: slack.apiUrl,
          SLACK_RATE_PER_SECOND: '50',
          DESK_EXPECTED_WAIT_MINUTES: '5',
          STAFF_LOCALE: 'en',
          ...env,
        },
      });
      return new DeskHarness(telegram, slack);
    } catch (error) {
      await slack.close();
      throw error;
    }
  }

  get prisma() {
    return this.telegram.prisma;
  }

  get eventsUrl(): string {
    return `${this.telegram.app.url}/slack/events`;
  }

  /** POSTs a body to /slack/events, signed with the app's secret unless told otherwise. */
  post(body: string, options: SigningOptions = {}) {
    return postToApp(this.eventsUrl, signedRequest(SIGNING_SECRET, body, options));
  }

  /** The ticket messages in the staff channel (top level), once `count` of them are there. */
  async ticketMessages(count = 1) {
    return waitUntil(
      () =>
        this.slack.messages(STAFF_CHANNEL).filter((message) => !message.thread_ts || message.thread_ts === message.ts),
      (messages) => messages.length >= count,
      `${count} ticket message(s) in the staff channel`,
    );
  }

  /** Waits until the thread under `ts` holds `count` posts, and returns them. */
  async thread(ts: string, count: number) {
    return waitUntil(
      () => this.slack.thread(STAFF_CHANNEL, ts),
      (posts) => posts.length >= count,
      `${count} post(s) in the thread ${ts}`,
    );
  }

  /** A staff member writes in a ticket's thread. */
  replyInThread(
    user: string,
    threadTs: string,
    text: string,
    options: { eventId?: string; ts?: string; retryNum?: number } = {},
  ) {
    const event = messageEvent({ channel: STAFF_CHANNEL, user, text, threadTs, ...(options.ts && { ts: options.ts }) });
    return this.post(
      eventCallback({ event, ...(options.eventId && { eventId: options.eventId }) }),
      options.retryNum ? { retryNum: options.retryNum } : {},
    );
  }

  /** A staff member presses a button of a ticket's message. */
  press(user: string, messageTs: string, payload: string) {
    return this.post(
      blockActions({
        user,
        channel: STAFF_CHANNEL,
        messageTs,
        actionId: payload,
        value: payload,
        responseUrl: this.slack.responseUrl(),
        triggerId: this.slack.triggerFor(user),
      }),
    );
  }

  /** A staff member submits a modal the app opened (answers per input block); the app's answer is the body. */
  submit(user: string, view: SlackView, answers: Record<string, string | null>) {
    return this.post(viewSubmission({ user, view, answers }));
  }

  slash(user: string, text: string) {
    return this.post(
      slashCommand({
        command: '/loyalty',
        text,
        userId: user,
        channelId: STAFF_CHANNEL,
        responseUrl: this.slack.responseUrl(),
      }),
    );
  }

  async stop(): Promise<void> {
    await this.telegram.stop();
    await this.slack.close();
  }
}
