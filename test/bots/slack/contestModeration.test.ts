// Contest entries moderated in Slack, through the Web API stand-in: an entry
// sent in Telegram is posted to the moderation channel with its picture and
// Approve and Reject; Reject opens a modal of common reasons and a note.
// Someone outside the channel is refused, on the button and on the modal;
// the first decision counts, and the author is told the outcome, with the
// reason, in their language, while the post says who rejected and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contestPayload } from '../../../core/contests/contestPayloads.ts';
import { contestBody, photoWithGps } from '../../core/contests/support/contestBody.ts';
import type { SlackView } from '../../support/fakeSlackApi.ts';
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

  it('refuses Reject to someone outside the channel without opening a form', async () => {
    const entry = await entryOf('Anna');
    const post = desk.slack.messages(STAFF_CHANNEL).find((message) => message.text.includes('Anna'))!;
    await desk.press(STRANGER.id, post.ts, `contestmod:r:${entry.id}`);
    expect(desk.slack.responses.at(-1)!.body.text).toBe(
      'Only members of the moderation channel may decide on entries.',
    );
    expect(desk.slack.views.filter((view) => view.user === STRANGER.id)).toEqual([]);
  });

  it('rejects through a form of common reasons: the author reads the reason in their language, the post says who and why', async () => {
    const { member, post } = await sendEntry('Ольга', 'ru');
    const entry = await entryOf('Ольга');
    const view = await rejectForm(MARIA.id, post.ts, entry.id);
    expect(view.title.text).toBe('Reject the entry');
    expect(optionLabels(view)).toEqual([
      'Not the author’s own photo or drawing',
      'Off the contest’s theme',
      'Not suitable to show',
      'Too blurred, dark or small',
      'Does not follow the contest rules',
    ]);
    // Opening the form decides nothing; submitting it without a reason neither.
    expect((await entryOf('Ольга')).status).toBe('pending');
    const unanswered = await desk.submit(MARIA.id, view, { reason: null, note: null });
    expect(JSON.parse(unanswered.body)).toEqual({ response_action: 'errors', errors: { reason: 'Choose a reason.' } });
    expect((await entryOf('Ольга')).status).toBe('pending');

    const submitted = await desk.submit(MARIA.id, view, { reason: 'offTopic', note: 'Нужен именно снеговик.' });
    expect(submitted).toMatchObject({ status: 200, body: '' });
    const [told] = await member.nextReplies(1);
    expect(told!.text).toBe(
      'Ваша работа в конкурсе «Зимний рисунок» не принята: работа не на тему конкурса. Модератор добавляет: Нужен именно снеговик.',
    );
    expect(await entryOf('Ольга')).toMatchObject({ status: 'rejected', decidedBy: `slack:${MARIA.id}` });
    const shown = desk.slack.messages(STAFF_CHANNEL).find((message) => message.ts === post.ts)!;
    expect(shown.text).toBe('Rejected by Maria: Off the contest’s theme. Note to the author: Нужен именно снеговик.');
    expect(JSON.stringify(shown.blocks)).not.toContain('contestmod:');
  });

  it('refuses the form’s submission from someone outside the channel, and the entry stays pending', async () => {
    const { post } = await sendEntry('Petru', 'en');
    const entry = await entryOf('Petru');
    const view = await rejectForm(MARIA.id, post.ts, entry.id);
    const forged = await desk.submit(STRANGER.id, view, { reason: 'inappropriate', note: null });
    expect(noticeText(forged.body)).toBe('Only members of the moderation channel may decide on entries.');
    expect((await entryOf('Petru')).status).toBe('pending');
  });

  it('lets the first of two moderators’ decisions count, and tells the author once', async () => {
    const entry = await entryOf('Petru');
    const post = desk.slack.messages(STAFF_CHANNEL).find((message) => message.text.includes('Petru'))!;
    const marias = desk.slack.views.find((view) => view.user === MARIA.id && view.private_metadata.includes(entry.id))!;
    const ions = await rejectForm(ION.id, post.ts, entry.id);
    expect((await desk.submit(MARIA.id, marias, { reason: 'poorQuality', note: null })).body).toBe('');
    const second = await desk.submit(ION.id, ions, { reason: 'rules', note: 'Read the rules.' });
    expect(noticeText(second.body)).toBe('Someone decided on this entry already.');
    await desk.press(ION.id, post.ts, `contestmod:a:${entry.id}`);
    expect(desk.slack.responses.at(-1)!.body.text).toBe('Someone decided on this entry already.');

    expect(await entryOf('Petru')).toMatchObject({
      status: 'rejected',
      decidedBy: `slack:${MARIA.id}`,
      reason: 'the picture is too blurred, dark or small to judge',
    });
    const told = await desk.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `contest:${entry.contestId}:entry:${entry.id}:` } },
    });
    expect(told.map((message) => JSON.parse(message.payload)[0].text)).toEqual([
      'Your entry in “Winter drawing” was not accepted: the picture is too blurred, dark or small to judge',
    ]);
    expect(desk.slack.messages(STAFF_CHANNEL).find((message) => message.ts === post.ts)!.text).toBe(
      'Rejected by Maria: Too blurred, dark or small',
    );
  });

  /** A moderator presses Reject on the post; resolves to the modal the app opened for them. */
  async function rejectForm(user: string, postTs: string, entryId: string): Promise<SlackView> {
    const before = desk.slack.views.length;
    await desk.press(user, postTs, `contestmod:r:${entryId}`);
    const views = await waitUntil(
      () => desk.slack.views.slice(before),
      (opened) => opened.length > 0,
      `the rejection form opened for ${user}`,
    );
    expect(views[0]!.user).toBe(user);
    return views[0]!;
  }
});

function optionLabels(view: SlackView): string[] {
  const input = view.blocks.find((block) => block.block_id === 'reason')!;
  return input.element!.options!.map((option) => option.text.text);
}

/** What a `response_action: update` answer shows in place of the form. */
function noticeText(body: string): string {
  const answer = JSON.parse(body) as { response_action: string; view: { blocks: { text: { text: string } }[] } };
  expect(answer.response_action).toBe('update');
  return answer.view.blocks[0]!.text.text;
}
