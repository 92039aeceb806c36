import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StaffDesk } from '../../core/desk/staffDesk.ts';
import type { Logger } from '../../core/logger.ts';
import { mentionedUsers, slackMarkupToText } from './slackMarkupToText.ts';
import { escapeSlack } from './slackText.ts';
import type { StaffDirectory } from './staffDirectory.ts';
import { slackDeskRef } from './slackDeskRef.ts';

export interface ListenerDeps {
  desk: StaffDesk;
  directory: StaffDirectory;
  staffChannel: string;
  log: Logger;
}

/** Messages staff write in a thread: these kinds are people writing (a file shared with words, a reply also sent to the channel). */
const PEOPLE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

interface MessageFields {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
}

/**
 * The Slack side, as thin as it can be: who may act is checked here (staff
 * channel members only), everything else is the core's (core/desk/staffDesk.ts).
 */
export function registerSlackListeners(app: App, deps: ListenerDeps): void {
  const { desk, directory } = deps;

  app.event('message', ({ event, client }) => onThreadMessage(deps, event as unknown as MessageFields, client));

  app.action(/^desk:/, async ({ ack, body, action, respond }) => {
    await ack();
    const user = body.user.id;
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    // Answered through the interaction's response_url: it reaches the presser even if they are not in the channel.
    const tell = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(text) });
    if (!(await directory.isStaff(user))) {
      await tell(desk.refusal());
      return;
    }
    const answer = await desk.press(value, { id: user, name: await directory.firstName(user) });
    if (answer.ephemeral) await tell(answer.ephemeral);
  });

  app.command('/loyalty', async ({ ack, command }) => {
    if (!(await directory.isStaff(command.user_id))) {
      await ack({ response_type: 'ephemeral', text: escapeSlack(desk.refusal()) });
      return;
    }
    await ack({ response_type: 'ephemeral', text: escapeSlack(await desk.lookUp(command.text ?? '')) });
  });

  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack: a request could not be handled; Slack will retry it');
  });
}

/** A message in the staff channel: only a person's reply in a thread matters, never the bot's own posts (no loops). */
async function onThreadMessage(
  { desk, directory, staffChannel, log }: ListenerDeps,
  message: MessageFields,
  client: WebClient,
): Promise<void> {
  if (message.channel !== staffChannel || !message.thread_ts || message.thread_ts === message.ts) return;
  if (message.bot_id || !message.user || !PEOPLE_SUBTYPES.has(message.subtype)) return;
  const tell = (text: string) =>
    client.chat
      .postEphemeral({
        channel: message.channel,
        user: message.user!,
        thread_ts: message.thread_ts!,
        text: escapeSlack(text),
      })
      .catch((error: unknown) => {
        // Someone who is not in the channel cannot get an ephemeral message there; what they wrote goes nowhere anyway.
        log.warn({ err: error, user: message.user }, 'desk: could not answer a thread message privately');
      });
  if (!(await directory.isStaff(message.user))) {
    await tell(desk.refusal());
    return;
  }
  const by = { id: message.user, name: await directory.firstName(message.user) };
  const text = await plainTextOf(message.text ?? '', directory);
  const answer = await desk.reply({
    sourceKey: `slack:${message.channel}:${message.ts}`,
    deskRef: slackDeskRef({ channel: message.channel, ts: message.thread_ts }),
    by,
    text,
  });
  if (answer.ephemeral) await tell(answer.ephemeral);
}

/** A staff reply as the customer will read it: Slack's markup turned into words, mentions into names. */
async function plainTextOf(text: string, directory: StaffDirectory): Promise<string> {
  const ids = mentionedUsers(text);
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await directory.mentionName(id)] as const)));
  return slackMarkupToText(text, (id) => names.get(id));
}
