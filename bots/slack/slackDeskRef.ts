/** Where a ticket is in Slack: the staff channel message that heads its thread. */
export interface SlackThread {
  channel: string;
  ts: string;
}

/**
 * The ticket's desk reference as the Slack adapter writes it, `<channel id>:<ts>`.
 * The core keeps it opaque; a ts is unique only within its channel, so both go in.
 */
export function slackDeskRef(thread: SlackThread): string {
  return `${thread.channel}:${thread.ts}`;
}

/** The thread a desk reference names; null for a reference this adapter did not write. */
export function parseSlackDeskRef(deskRef: string | null): SlackThread | null {
  // Channel ids never hold a colon; the ts is everything after the first one.
  const colon = deskRef?.indexOf(':') ?? -1;
  if (deskRef === null || colon <= 0 || colon === deskRef.length - 1) return null;
  return { channel: deskRef.slice(0, colon), ts: deskRef.slice(colon + 1) };
}
