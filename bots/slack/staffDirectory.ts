import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger.ts';

/** Who is staff (a member of the staff channel) and what they are called. */
export interface StaffDirectory {
  isStaff(userId: string): Promise<boolean>;
  firstName(userId: string): Promise<string>;
  /** How a mention of them reads in plain text: the display name, else the real name, else the handle. */
  mentionName(userId: string): Promise<string>;
}

interface Names {
  first: string;
  mention: string;
  at: number;
}

const MEMBERS_TTL_MS = 60_000;
/** Someone just added to the channel is found within this long, without listing the channel on every stranger's click. */
const MEMBERS_RECHECK_MS = 10_000;
const NAMES_TTL_MS = 10 * 60_000;

/**
 * Staff are the members of the staff channel, as Slack lists them now
 * (cached for a minute; a user not in the list makes it re-read at most every
 * ten seconds). When Slack cannot say, nobody is staff: the desk fails closed.
 */
export function createStaffDirectory(
  client: WebClient,
  staffChannel: string,
  log: Logger,
  now: () => number = Date.now,
): StaffDirectory {
  let members: { ids: Set<string>; at: number } | null = null;
  const names = new Map<string, Names>();

  // Clicks that come together share one listing of the channel.
  let reading: Promise<Set<string>> | null = null;
  function readMembers(): Promise<Set<string>> {
    const remember = (ids: Set<string>) => ((members = { ids, at: now() }), ids);
    reading ??= listMembers(client, staffChannel)
      .then(remember)
      .finally(() => (reading = null));
    return reading;
  }

  async function namesOf(userId: string): Promise<Omit<Names, 'at'>> {
    const cached = names.get(userId);
    if (cached && now() - cached.at < NAMES_TTL_MS) return cached;
    try {
      const { user } = await client.users.info({ user: userId });
      const known = { first: firstNameOf(user) ?? userId, mention: mentionNameOf(user) ?? userId, at: now() };
      names.set(userId, known);
      return known;
    } catch (error) {
      log.warn({ err: error, userId }, 'desk: could not read a staff member’s name');
      return cached ?? { first: userId, mention: userId };
    }
  }

  return {
    async isStaff(userId) {
      try {
        const age = members ? now() - members.at : Infinity;
        if (members && age < MEMBERS_TTL_MS && (members.ids.has(userId) || age < MEMBERS_RECHECK_MS))
          return members.ids.has(userId);
        return (await readMembers()).has(userId);
      } catch (error) {
        log.error({ err: error }, 'desk: could not list the staff channel’s members; refusing the action');
        return false;
      }
    },
    firstName: async (userId) => (await namesOf(userId)).first,
    mentionName: async (userId) => (await namesOf(userId)).mention,
  };
}

/** Every member of a channel, page by page. */
async function listMembers(client: WebClient, channel: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, limit: 200, ...(cursor && { cursor }) });
    for (const id of page.members ?? []) ids.add(id);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return ids;
}

type SlackUser = Awaited<ReturnType<WebClient['users']['info']>>['user'];

/** What colleagues call them: the first name, else the display name, else the first word of the real name. */
function firstNameOf(user: SlackUser): string | undefined {
  const profile = user?.profile;
  return (
    profile?.first_name ||
    profile?.display_name ||
    (profile?.real_name ?? user?.real_name)?.split(' ')[0] ||
    user?.name ||
    undefined
  );
}

function mentionNameOf(user: SlackUser): string | undefined {
  const profile = user?.profile;
  return profile?.display_name || profile?.real_name || user?.real_name || user?.name || undefined;
}
