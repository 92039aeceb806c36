// Proves the stand-in speaks Telegram's wire format: the real grammY Bot and
// the auto-retry plugin run against it unchanged.
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotApiCallRecorder } from './botApiCallRecorder.ts';
import { fakeBotApiTransformer, startFakeBotApi, type FakeBotApi } from './fakeBotApi.ts';
import { callbackUpdate, commandUpdate, contactUpdate, textUpdate } from './telegramUpdates.ts';

/** Every byte value, plus sequences a naive multipart parser would trip over. */
const PHOTO_BYTES = Buffer.concat([
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\r\n--\r\n\r\n'),
]);

let fake: FakeBotApi;
let bot: Bot;

beforeEach(async () => {
  fake = await startFakeBotApi();
  bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
});

afterEach(async () => {
  if (bot.isRunning()) await bot.stop();
  await fake.close();
});

describe('fake Bot API over HTTP', () => {
  it('answers getMe and rejects a foreign token like Telegram does', async () => {
    await expect(bot.api.getMe()).resolves.toMatchObject({
      id: fake.botUser.id,
      is_bot: true,
      username: fake.botUser.username,
    });
    const stranger = new Bot('111:wrong-token', { client: { apiRoot: fake.apiRoot } });
    const error = await stranger.api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 401, description: 'Unauthorized' });
  });

  it('records a JSON sendMessage and answers with a Message', async () => {
    const first = await bot.api.sendMessage(42, 'Привет!', {
      reply_markup: { inline_keyboard: [[{ text: 'Баланс', callback_data: 'balance' }]] },
    });
    const second = await bot.api.sendMessage(42, 'Second');
    expect(first).toMatchObject({ chat: { id: 42, type: 'private' }, text: 'Привет!', from: { id: fake.botUser.id } });
    expect(first.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('Баланс');
    expect(second.message_id).toBe(first.message_id + 1);
    expect(fake.sentTexts(42)).toEqual(['Привет!', 'Second']);
    expect(fake.callsTo('sendMessage')[0]?.payload.chat_id).toBe(42);
  });

  it('decodes a multipart sendPhoto: file bytes captured, JSON fields decoded', async () => {
    const markup = { inline_keyboard: [[{ text: 'Ok', callback_data: 'ok' }]] };
    const sent = await bot.api.sendPhoto(42, new InputFile(PHOTO_BYTES), {
      caption: 'Ваша карта',
      reply_markup: markup,
    });
    await bot.api.sendPhoto(43, new InputFile(Buffer.from('png'), 'card.png'));

    const [call, named] = fake.callsTo('sendPhoto');
    expect(call?.payload).toMatchObject({ chat_id: 42, caption: 'Ваша карта', reply_markup: markup });
    expect(call?.payload.photo).toMatch(/^attach:\/\//);
    expect(call?.files.photo?.bytes.equals(PHOTO_BYTES)).toBe(true);
    expect(call?.files.photo?.filename).toBe('photo.jpg');
    expect(named?.files.photo).toMatchObject({ filename: 'card.png', bytes: Buffer.from('png') });
    expect(sent.photo.length).toBeGreaterThan(0);
    expect(sent).toMatchObject({ caption: 'Ваша карта', reply_markup: markup });
  });

  it('answers edits, callback answers and webhook calls realistically', async () => {
    const sent = await bot.api.sendMessage(42, 'v1');
    const edited = await bot.api.editMessageText(42, sent.message_id, 'v2');
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'v2' });
    await expect(bot.api.editMessageReplyMarkup(42, sent.message_id)).resolves.toMatchObject({
      message_id: sent.message_id,
    });
    await expect(bot.api.answerCallbackQuery('123')).resolves.toBe(true);
    await expect(bot.api.setMyCommands([{ command: 'start', description: 'Start' }])).resolves.toBe(true);
    await expect(bot.api.deleteWebhook()).resolves.toBe(true);
    expect(fake.sentTexts(42)).toEqual(['v1', 'v2']);
  });

  it('serves a file getFile named for download, and 404 before or with a foreign token', async () => {
    fake.setFile('AgACphoto', PHOTO_BYTES);
    const download = (path: string, token = fake.token) => fetch(`${fake.apiRoot}/file/bot${token}/${path}`);
    expect((await download('photos/AgACphoto.jpg')).status).toBe(404);

    const registered = await bot.api.getFile('AgACphoto');
    const generated = await bot.api.getFile('AgACother');
    const response = await download(registered.file_path ?? '');
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PHOTO_BYTES)).toBe(true);
    expect(registered.file_size).toBe(PHOTO_BYTES.length);

    const otherBytes = Buffer.from(await (await download(generated.file_path ?? '')).arrayBuffer());
    expect(otherBytes.equals(fake.fileBytes('AgACother'))).toBe(true);
    expect(otherBytes.length).toBe(generated.file_size);
    const foreign = await download(registered.file_path ?? '', '111:wrong-token');
    expect(foreign.status).toBe(404);
    await expect(foreign.json()).resolves.toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('names the calls it saw when waitForCalls times out', async () => {
    await bot.api.sendMessage(42, 'hi');
    await expect(fake.waitForCalls('sendPhoto', { timeoutMs: 50 })).rejects.toThrow(
      /sendPhoto[\s\S]*sendMessage chat=42 "hi"/,
    );
  });
});

describe('long polling', () => {
  it('delivers pushed updates to bot.start() and stops promptly', async () => {
    const seen: string[] = [];
    bot.on('message:text', (ctx) => {
      seen.push(ctx.message.text);
    });
    const queued = fake.pushUpdate(textUpdate(42, 'before start'));
    const running = bot.start();
    await fake.waitForCalls((call) => call.method === 'getUpdates' && call.payload.offset === queued.update_id + 1);

    // The bot now holds a long poll open; a push must answer it right away.
    const live = fake.pushUpdate(textUpdate(42, 'while polling'));
    await fake.waitForCalls((call) => call.method === 'getUpdates' && call.payload.offset === live.update_id + 1);
    expect(seen).toEqual(['before start', 'while polling']);
    expect(live.update_id).toBe(queued.update_id + 1);

    const stopping = Date.now();
    await bot.stop();
    await running;
    expect(Date.now() - stopping).toBeLessThan(1_000);
  });

  it('answers a held getUpdates with [] when the fake closes', async () => {
    const poll = fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeout: 30 }),
    });
    await fake.waitForCalls('getUpdates');
    const closing = Date.now();
    await fake.close();
    await expect((await poll).json()).resolves.toEqual({ ok: true, result: [] });
    expect(Date.now() - closing).toBeLessThan(1_000);
  });
});

describe('fault injection', () => {
  it('surfaces a 429 as a GrammyError with retry_after, then recovers', async () => {
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const error = await bot.api.sendMessage(42, 'flood').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await bot.api.sendMessage(42, 'after');
    expect(fake.sentTexts(42)).toEqual(['after']);
  });

  it('lets @grammyjs/auto-retry wait out the 429 and succeed', async () => {
    bot.api.config.use(autoRetry());
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await expect(bot.api.sendMessage(42, 'patient')).resolves.toMatchObject({ text: 'patient' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('sendMessage').map((call) => call.rejectedWith)).toEqual([429, undefined]);
  });

  it('answers 5xx and 403 with Telegram descriptions', async () => {
    fake.failNext('sendMessage', { status: 500 });
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(bot.api.sendMessage(42, 'a')).rejects.toMatchObject({
      error_code: 500,
      description: 'Internal Server Error',
    });
    await expect(bot.api.sendMessage(42, 'b')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
  });
});

describe('update builders', () => {
  it('produce updates grammY routes to commands, callbacks and contacts', async () => {
    const routed = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botUser });
    routed.command('start', (ctx) => ctx.reply(`start:${ctx.match}`));
    routed.callbackQuery('balance', (ctx) => ctx.answerCallbackQuery());
    routed.on('message:contact', (ctx) => ctx.reply(`contact:${ctx.message.contact.user_id ?? 'none'}`));

    await routed.handleUpdate(commandUpdate(42, '/start', 'ref_7', { withUpdateId: true }));
    await routed.handleUpdate(callbackUpdate(42, 'balance', 10, { withUpdateId: 2 }));
    await routed.handleUpdate(contactUpdate(42, '+79990000000', { ownerUserId: 77, withUpdateId: true }));
    await routed.handleUpdate(contactUpdate(42, '+79990000001', { withUpdateId: true }));

    expect(fake.sentTexts(42)).toEqual(['start:ref_7', 'contact:77', 'contact:42']);
    expect(fake.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(textUpdate(5, 'x').message?.from.language_code).toBe('ru');
    expect('update_id' in textUpdate(5, 'x')).toBe(false);
  });
});

describe('in-process transformer', () => {
  it('answers like the server without any HTTP', async () => {
    const recorder = new BotApiCallRecorder();
    // Port 9 (discard) would refuse connections: any real request would fail.
    const offline = new Bot('123:offline', { client: { apiRoot: 'http://127.0.0.1:9' } });
    offline.api.config.use(fakeBotApiTransformer(recorder));
    offline.on('message:text', (ctx) => ctx.reply(`echo:${ctx.message.text}`));

    await offline.init();
    await offline.handleUpdate(textUpdate(42, 'ping', { withUpdateId: true }));
    const photo = await offline.api.sendPhoto(42, new InputFile(PHOTO_BYTES, 'card.jpg'));

    expect(offline.botInfo.is_bot).toBe(true);
    expect(recorder.sentTexts(42)).toEqual(['echo:ping']);
    expect(photo.photo.length).toBeGreaterThan(0);
    const [upload] = recorder.callsTo('sendPhoto');
    expect(upload?.files.photo?.bytes.equals(PHOTO_BYTES)).toBe(true);
    expect(upload?.payload.photo).toBe('attach://photo');
  });
});
