// Who is staff and what they are called, read from the local Slack stand-in
// with the real WebClient. Time is a test clock, so the cache rules are
// checked without waiting.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaffDirectory, type StaffDirectory } from '../../../bots/slack/staffDirectory.ts';
import type { Logger } from '../../../core/logger.ts';
import { FakeSlackApi } from '../../support/fakeSlackApi.ts';

const STAFF = 'C0STAFF001';
const MARIA = 'U0MARIA01';
const ION = 'U0ION0001';
const STRANGER = 'U0STRANGE';
/** The directory's rules (staffDirectory.ts): the list is kept a minute, and re-read for an unknown user after ten seconds. */
const MEMBERS_TTL_MS = 60_000;
const MEMBERS_RECHECK_MS = 10_000;
const NAMES_TTL_MS = 10 * 60_000;

let fake: FakeSlackApi;
let clock: number;
let logged: { level: string; msg?: string }[];
let directory: StaffDirectory;

function recordingLogger(): Logger {
  const record = (level: string) => (_obj: object, msg?: string) => logged.push({ level, msg });
  return { info: record('info'), warn: record('warn'), error: record('error') };
}

const membersCalls = () => fake.callsTo('conversations.members').length;
const infoCalls = () => fake.callsTo('users.info').length;
const advance = (ms: number) => {
  clock += ms;
};

beforeEach(async () => {
  fake = await FakeSlackApi.start();
  fake.setChannelMembers(STAFF, [MARIA, ION, fake.botUserId]);
  clock = 1_700_000_000_000;
  logged = [];
  const client = new WebClient(fake.token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  directory = createStaffDirectory(client, STAFF, recordingLogger(), () => clock);
});

afterEach(async () => {
  await fake.close();
});

describe('isStaff', () => {
  it('counts a member of the staff channel as staff and a stranger as not', async () => {
    expect(await directory.isStaff(MARIA)).toBe(true);
    expect(await directory.isStaff(STRANGER)).toBe(false);
  });

  it('lists the channel once for checks that come together on a cold cache', async () => {
    const answers = await Promise.all([MARIA, ION, STRANGER, MARIA, ION].map((user) => directory.isStaff(user)));
    expect(answers).toEqual([true, true, false, true, true]);
    expect(membersCalls()).toBe(1);
  });

  it('lists the channel’s members across pages', async () => {
    const many = Array.from({ length: 450 }, (_, i) => `U0MEMBER${String(i).padStart(3, '0')}`);
    fake.setChannelMembers(STAFF, many);
    expect(await directory.isStaff('U0MEMBER449')).toBe(true);
    expect(membersCalls()).toBe(3);
    expect(fake.callsTo('conversations.members').map((call) => call.args.channel)).toEqual([STAFF, STAFF, STAFF]);
    expect(await directory.isStaff('U0MEMBER000')).toBe(true);
    expect(membersCalls()).toBe(3);
  });

  it('keeps the list for a minute instead of asking Slack on every click', async () => {
    await directory.isStaff(MARIA);
    advance(MEMBERS_TTL_MS - 1);
    expect(await directory.isStaff(MARIA)).toBe(true);
    expect(await directory.isStaff(ION)).toBe(true);
    expect(membersCalls()).toBe(1);
  });

  it('reads the list again after a minute, and sees who left', async () => {
    await directory.isStaff(ION);
    fake.setChannelMembers(STAFF, [MARIA]);
    advance(MEMBERS_TTL_MS);
    expect(await directory.isStaff(ION)).toBe(false);
    expect(membersCalls()).toBe(2);
  });

  it('does not re-read the list for a stranger’s click within ten seconds of the last reading', async () => {
    await directory.isStaff(MARIA);
    advance(MEMBERS_RECHECK_MS - 1);
    expect(await directory.isStaff(STRANGER)).toBe(false);
    expect(await directory.isStaff(STRANGER)).toBe(false);
    expect(membersCalls()).toBe(1);
  });

  it('finds someone just added to the channel once ten seconds have passed', async () => {
    await directory.isStaff(MARIA);
    fake.setChannelMembers(STAFF, [MARIA, ION, STRANGER]);
    advance(MEMBERS_RECHECK_MS - 1);
    expect(await directory.isStaff(STRANGER)).toBe(false);
    advance(1);
    expect(await directory.isStaff(STRANGER)).toBe(true);
    expect(membersCalls()).toBe(2);
    // The fresh list is kept again.
    expect(await directory.isStaff(STRANGER)).toBe(true);
    expect(membersCalls()).toBe(2);
  });

  it('re-reads at most once per ten seconds however many strangers click', async () => {
    await directory.isStaff(MARIA);
    advance(MEMBERS_RECHECK_MS);
    for (let i = 0; i < 5; i += 1) await directory.isStaff(STRANGER);
    expect(membersCalls()).toBe(2);
  });

  it('counts nobody as staff when Slack cannot list the channel, and logs why', async () => {
    fake.down();
    expect(await directory.isStaff(MARIA)).toBe(false);
    expect(logged.filter((line) => line.level === 'error')).toHaveLength(1);
  });

  it('counts nobody as staff when Slack refuses the listing', async () => {
    fake.failNext('conversations.members', 'not_in_channel');
    expect(await directory.isStaff(MARIA)).toBe(false);
  });

  it('fails closed even for a known member once the kept list is too old to trust', async () => {
    expect(await directory.isStaff(MARIA)).toBe(true);
    advance(MEMBERS_TTL_MS);
    fake.down('reset');
    expect(await directory.isStaff(MARIA)).toBe(false);
  });

  it('answers again once Slack is back', async () => {
    fake.down();
    expect(await directory.isStaff(MARIA)).toBe(false);
    fake.up();
    expect(await directory.isStaff(MARIA)).toBe(true);
  });

  it('counts nobody as staff when the staff channel is not one Slack knows', async () => {
    const client = new WebClient(fake.token, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    const elsewhere = createStaffDirectory(client, 'C0UNKNOWN1', recordingLogger(), () => clock);
    expect(await elsewhere.isStaff(MARIA)).toBe(false);
  });
});

describe('firstName', () => {
  it('prefers the profile’s first name', async () => {
    fake.addUser({ id: MARIA, firstName: 'Maria', displayName: 'mpopescu', realName: 'Maria Popescu' });
    expect(await directory.firstName(MARIA)).toBe('Maria');
  });

  it('falls back to the display name when there is no first name', async () => {
    fake.addUser({ id: MARIA, displayName: 'Mari', realName: 'Maria Popescu' });
    expect(await directory.firstName(MARIA)).toBe('Mari');
  });

  it('falls back to the first word of the real name when there is neither', async () => {
    fake.addUser({ id: MARIA, realName: 'Maria Popescu' });
    expect(await directory.firstName(MARIA)).toBe('Maria');
  });

  it('keeps a name for ten minutes, then reads it again', async () => {
    fake.addUser({ id: MARIA, firstName: 'Maria' });
    await directory.firstName(MARIA);
    advance(NAMES_TTL_MS - 1);
    expect(await directory.firstName(MARIA)).toBe('Maria');
    expect(infoCalls()).toBe(1);
    fake.addUser({ id: MARIA, firstName: 'Mariana' });
    advance(1);
    expect(await directory.firstName(MARIA)).toBe('Mariana');
    expect(infoCalls()).toBe(2);
  });

  it('keeps the last name it knew when Slack cannot say', async () => {
    fake.addUser({ id: MARIA, firstName: 'Maria' });
    await directory.firstName(MARIA);
    advance(NAMES_TTL_MS);
    fake.down();
    expect(await directory.firstName(MARIA)).toBe('Maria');
  });

  it('answers with the user id when Slack does not know the user', async () => {
    expect(await directory.firstName(STRANGER)).toBe(STRANGER);
    expect(logged.filter((line) => line.level === 'warn')).toHaveLength(1);
  });
});
