// The workspace and app the Slack stand-in pretends to be. The fake Web API
// and the request builders share these ids, so an event "from Slack" names
// the same team, app and bot user that `auth.test` reported to Bolt.

export interface SlackIdentity {
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  /** The bot's user id: `user` on its own messages, `user_id` in auth.test. */
  botUserId: string;
  /** The bot id: `bot_id` on its own messages. */
  botId: string;
  botName: string;
}

export const SLACK_IDENTITY: Readonly<SlackIdentity> = {
  teamId: 'T0TEAM0001',
  teamDomain: 'loyalty-test',
  teamName: 'Loyalty Test',
  appId: 'A0APP00001',
  botUserId: 'U0BOT0001',
  botId: 'B0BOT0001',
  botName: 'loyalty-desk',
};

/** A bot token in Slack's shape: `xoxb-<team number>-<bot number>-<secret>`. */
export const SLACK_BOT_TOKEN = 'xoxb-1000000001-2000000002-FakeSlackApiBotToken01';
