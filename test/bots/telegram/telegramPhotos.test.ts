// A customer's Telegram photo as bytes, through grammY's Api and the download
// route of the local Bot API stand-in.
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramPhotoSource } from '../../../bots/telegram/telegramPhotos.ts';
import { startFakeBotApi, type FakeBotApi } from '../../support/fakeBotApi.ts';

const FILE_ID = 'AgACAgIAAxkBAAIBZ2cold_coffee';
/** JPEG start, then bytes a text-minded reader would mangle. */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\r\n--\r\n'),
]);

let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await startFakeBotApi();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});

afterEach(async () => {
  await fake.close();
});

describe('telegramPhotoSource', () => {
  it('returns the bytes Telegram serves for a file id', async () => {
    fake.setFile(FILE_ID, PHOTO);
    const bytes = await telegramPhotoSource(api, fake.token, fake.apiRoot)(FILE_ID);
    expect(Buffer.from(bytes)).toEqual(PHOTO);
    expect(fake.callsTo('getFile').map((call) => call.payload.file_id)).toEqual([FILE_ID]);
  });

  it('throws an error naming the file when the download fails', async () => {
    fake.setFile(FILE_ID, PHOTO);
    // The file server refuses a token that is not the bot's with a 404, as it does for an expired path.
    const source = telegramPhotoSource(api, '123456:not-the-bots-token-AAAAAAAAAAAA', fake.apiRoot);
    await expect(source(FILE_ID)).rejects.toThrow(new RegExp(`404.*${FILE_ID}`));
  });

  it('throws when Telegram does not know the file', async () => {
    fake.failNext('getFile', { status: 400, description: 'Bad Request: invalid file_id' });
    await expect(telegramPhotoSource(api, fake.token, fake.apiRoot)(FILE_ID)).rejects.toThrow(/invalid file_id/);
  });
});
