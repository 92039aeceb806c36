import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { StaffDesk } from '../../core/desk/staffDesk.ts';
import type { Logger } from '../../core/logger.ts';
import { escapeSlack } from './slackText.ts';
import type { StaffDirectory } from './staffDirectory.ts';

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
  const { desk, directory, staffChannel } = deps;
  const refuse = (client: WebClient, user: string, channel: string, threadTs: string) =>
    client.chat.postEphemeral({ channel, user, text: escapeSlack(desk.refusal()), thread_ts: threadTs }).catch((error: unknown) => {
      // Someone who is not in the channel cannot get an ephemeral message there; the refusal stands anyway.
      deps.log.warn({ err: error, user }, 'desk: could not tell a non-staff user that they may not reply');
    });

  app.event('message', async ({ event, client }) => {
    const message = event as unknown as MessageFields;
    // Only replies in a thread of the staff channel, by a person: never the bot's own posts (no loops).
    if (message.channel !== staffChannel || !message.thread_ts || message.thread_ts === message.ts) return;
    if (message.bot_id || !message.user || !PEOPLE_SUBTYPES.has(message.subtype)) return;
    if (!(await directory.isStaff(message.user))) {
      await refuse(client, message.user, message.channel, message.thread_ts);
      return;
    }
    const by = { id: message.user, name: await directory.firstName(message.user) };
    const answer = await desk.reply({ sourceKey: `slack:${message.channel}:${message.ts}`, threadTs: message.thread_ts, by, text: message.text ?? '' });
    if (answer.ephemeral) await client.chat.postEphemeral({ channel: message.channel, user: message.user, thread_ts: message.thread_ts, text: escapeSlack(answer.ephemeral) });
  });

  app.action(/^desk:/, async ({ ack, body, action, respond }) => {
    await ack();
    const user = body.user.id;
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    // Answered through the interaction's response_url: it reaches the presser even if they are not in the channel.
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(text) });
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
