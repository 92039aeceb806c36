// Contest entries moderated in Slack, through the Web API stand-in: an entry
// sent in Telegram is posted to the moderation channel with its picture and
// Approve and Reject; someone outside the channel is refused, the first
// decision counts, and the author is told the outcome in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contestPayload } from '../../../core/contests/contestPayloads.ts';
import { contestBody, photoWithGps } from '../../core/contests/support/contestBody.ts';
import { registerMember } from '../telegram/support/registerMember.ts';
import { DeskHarness, ION, MARIA, STAFF_CHANNEL, STRANGER, waitUntil } from './support/deskHarness.ts';

const ADMIN_TOKEN = 'slack-contest-admin-token-0123456789abcdef';

describe('moderating contest entries in Slack', () => {
  let desk: DeskHarness;
  let mediaDir: string;
  let users = 0;

  /** A member sends an entry in Telegram; resolves to the entry's moderation post in Slack. */
  const sendEntry = async (name: string, language: 'en' | 'ru') => {
    users += 1;
    const id = 5300 + users;
    const member = desk.telegram.user(id, { firstName: name, languageCode: language });
    await registerMember(member, { locale: language, name, phone: `3736920000${users}` });
    desk.telegram.fake.setFile(`AgACAgIAAxkBAAI${id}_1280`, await photoWithGps());
    await member.commands('/contest');
    await member.presses(contestPayload.submit((await desk.prisma.contest.findFirstOrThrow()).id));
    await member.sendsPhoto(1, `${name}'s snowman`);
    const post = await waitUntil(
      () => desk.slack.messages(STAFF_CHANNEL).find((message) => message.text.includes(`${name}'s snowman`)),
      (found) => found !== undefined,
      `the moderation post of ${name}'s entry`,
    );
    return { member, post: post! };
  };
  const entryOf = (name: string) => desk.prisma.contestEntry.findFirstOrThrow({ where: { member: { name } } });

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'contest-slack-media-'));
    desk = await DeskHarness.start({ ADMIN_TOKEN, MEDIA_DIR: mediaDir });
    const created = await fetch(`${desk.telegram.app.url}/api/v1/contests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(contestBody(new Date())),
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await desk?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('posts the entry with its caption, Approve and Reject, and the cleaned picture in its thread', async () => {
    const { post } = await sendEntry('Anna', 'en');
    expect(post.text).toContain('New entry in “Winter drawing” from Anna');
    expect(JSON.stringify(post.blocks)).toContain('Approve');
    expect(JSON.stringify(post.blocks)).toContain('Reject');
    await waitUntil(
      () => desk.slack.callsTo('files.completeUploadExternal').length,
      (count) => count >= 1,
      'the picture uploaded to the thread',
    );
  });

  it('refuses someone outside the moderation channel, and the entry stays pending', async () => {
    const entry = await entryOf('Anna');
    await desk.press(STRANGER.id, '1.0', `contestmod:a:${entry.id}`);
    expect(desk.slack.responses.at(-1)!.body.text).toBe(
      'Only members of the moderation channel may decide on entries.',
    );
    expect((await entryOf('Anna')).status).toBe('pending');
  });

  it('lets the first decision count and tells the author a rejection with its reason, in their language', async () => {
    const { member } = await sendEntry('Ольга', 'ru');
    const entry = await entryOf('Ольга');
    await desk.press(MARIA.id, '1.0', `contestmod:r:${entry.id}`);
    expect(desk.slack.responses.at(-1)!.body).toMatchObject({
      replace_original: true,
      text: 'Rejected by Maria: работа не соответствует правилам конкурса',
    });
    await desk.press(ION.id, '1.0', `contestmod:a:${entry.id}`);
    expect(desk.slack.responses.at(-1)!.body.text).toBe('Someone decided on this entry already.');
    const decided = await entryOf('Ольга');
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: `slack:${MARIA.id}` });
    const [told] = await member.nextReplies(1);
    expect(told!.text).toBe(
      'Ваша работа в конкурсе «Зимний рисунок» не принята: работа не соответствует правилам конкурса',
    );
  });
});
