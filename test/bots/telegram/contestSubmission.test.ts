// A contest entry sent in Telegram, through the real grammY adapter and the
// Bot API stand-in: the photo is downloaded from Telegram's file route,
// cleaned of its GPS position, kept as the member's one entry, and its
// author told the moderators' decision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contestBody, photoWithGps } from '../../core/contests/support/contestBody.ts';
import { registerMember } from './support/registerMember.ts';
import { TelegramHarness } from './support/telegramHarness.ts';

const ADMIN_TOKEN = 'telegram-contest-admin-token-0123456789abcdef';
const USER_ID = 4201;

describe('sending a contest entry in Telegram', () => {
  let harness: TelegramHarness;
  let mediaDir: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${harness.app.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response;
  };

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'contest-media-'));
    harness = await TelegramHarness.start({ env: { ADMIN_TOKEN, MEDIA_DIR: mediaDir } });
    expect((await call('POST', '/api/v1/contests', contestBody(new Date()))).status).toBe(201);
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('takes the photo with its caption, strips its GPS position, and tells the author when it is approved', async () => {
    const anna = harness.user(USER_ID, { firstName: 'Anna', languageCode: 'en' });
    await registerMember(anna, { locale: 'en', name: 'Anna Popescu', phone: '37369100042' });
    harness.fake.setFile(`AgACAgIAAxkBAAI${USER_ID}_1280`, await photoWithGps());

    const [screen] = await anna.commands('/contest');
    expect(screen!.text).toContain('Winter drawing');
    expect(screen!.text).toContain('One drawing of winter per family.');
    const [ask] = await anna.taps('📷 Send your photo or drawing');
    expect(ask!.text).toContain('Send your photo or drawing for “Winter drawing”');
    const [thanks] = await anna.sendsPhoto(1, 'Snow on our street');
    expect(thanks!.text).toContain('Your entry is with our moderators');

    const pending = (await (await call('GET', '/api/v1/contest-entries/pending')).json()) as {
      entries: { id: string; caption: string; authorName: string; pictureUrl: string }[];
    };
    expect(pending.entries).toMatchObject([{ caption: 'Snow on our street', authorName: 'Anna Popescu' }]);
    const picture = Buffer.from(await (await call('GET', pending.entries[0]!.pictureUrl)).arrayBuffer());
    const metadata = await sharp(picture).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(picture.includes(Buffer.from('PhoneMaker'))).toBe(false);

    expect((await call('POST', `/api/v1/contest-entries/${pending.entries[0]!.id}/approve`)).status).toBe(200);
    const [told] = await anna.nextReplies(1);
    expect(told!.text).toContain('Your entry in “Winter drawing” is approved');
    const contests = (await (await call('GET', '/api/v1/contests')).json()) as { contests: { id: string }[] };
    const standings = (await (await call('GET', `/api/v1/contests/${contests.contests[0]!.id}/standings`)).json()) as {
      entries: { status: string; votes: number; decidedBy: string }[];
    };
    expect(standings.entries).toMatchObject([{ status: 'approved', votes: 0, decidedBy: 'console:admin' }]);
  });

  it('refuses a file that is no picture and keeps waiting for nothing', async () => {
    const ion = harness.user(USER_ID + 1, { firstName: 'Ion', languageCode: 'en' });
    await registerMember(ion, { locale: 'en', name: 'Ion', phone: '37369100043' });
    harness.fake.setFile(`AgACAgIAAxkBAAI${USER_ID + 1}_1280`, Buffer.from('%PDF-1.7 not a picture'));
    await ion.commands('/contest');
    await ion.taps('📷 Send your photo or drawing');
    const [refused] = await ion.sendsPhoto();
    expect(refused!.text).toContain('We accept JPEG, PNG or WebP pictures of at most 10 MB');
    const member = await harness.prisma.member.findFirstOrThrow({ where: { name: 'Ion' } });
    expect(await harness.prisma.contestEntry.count({ where: { memberId: member.id } })).toBe(0);
  });
});
