// Photos attached in the web chat, over real HTTP on loopback: checked by
// their bytes, kept, and relayed into the visitor's open ticket.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../app/config.ts';
import { createLogger } from '../../../app/logger.ts';
import { startApp, type RunningApp } from '../../../app/startApp.ts';
import { createWebPhotoStore } from '../../../bots/web/webPhotoStore.ts';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4,
]);

let app: RunningApp;
let dir: string;
let photoDir: string;
let sequence = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webchat-photos-'));
  photoDir = join(dir, 'photos');
  const config = loadConfig({
    JOBS_INTERVAL_SECONDS: '0',
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    WEBCHAT_PHOTO_DIR: photoDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  app = await startApp(config, createLogger('silent'));
});

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A visitor talking English over HTTP, with the cookie the server gave it. */
async function newVisitor() {
  let cookie = '';
  const remember = (response: Response) => {
    const issued = response.headers.getSetCookie().find((line) => line.startsWith('loyalty_visitor='));
    if (issued) cookie = issued.split(';')[0]!;
    return response;
  };
  const headers = () => ({ 'accept-language': 'en', ...(cookie && { cookie }) });
  const send = async (event: unknown) => {
    const response = remember(
      await fetch(`${app.url}/webchat/messages`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify({ id: `msg-${++sequence}-photos`, event }),
      }),
    );
    return (await response.json()) as { replies: { text: string }[] };
  };
  const photo = async (body: Uint8Array<ArrayBuffer>, type = 'image/png', caption?: string) =>
    remember(
      await fetch(
        `${app.url}/webchat/photos?${new URLSearchParams({ id: `photo-${++sequence}-abc`, ...(caption !== undefined && { caption }) })}`,
        {
          method: 'POST',
          headers: { ...headers(), 'content-type': type },
          body,
        },
      ),
    );
  return { send, photo };
}

async function registeredInTicket(phone: string) {
  const visitor = await newVisitor();
  await visitor.send({ kind: 'command', command: 'start' });
  await visitor.send({ kind: 'button', payload: 'consent:yes:en' });
  await visitor.send({ kind: 'text', text: 'Anna' });
  await visitor.send({ kind: 'text', text: phone });
  await visitor.send({ kind: 'button', payload: 'reg:skip-birthday' });
  await visitor.send({ kind: 'button', payload: 'menu:human' });
  return visitor;
}

describe('POST /webchat/photos', () => {
  it('relays a photo into the visitor’s open ticket, where the desk can fetch its bytes', async () => {
    const visitor = await registeredInTicket('+37369100001');
    const response = await visitor.photo(PNG);
    expect(response.status).toBe(200);
    const message = await app.db.prisma.ticketMessage.findFirst({ where: { photoFileId: { not: null } } });
    expect(message?.photoFileId).toMatch(/^web-photo-/);
    expect(await createWebPhotoStore(photoDir).get(message!.photoFileId!)).toEqual(PNG);
  });

  it('relays the caption typed beside the photo into the ticket with it', async () => {
    const visitor = await registeredInTicket('+37369100003');
    const response = await visitor.photo(PNG, 'image/png', '  The receipt from Tuesday  ');
    expect(response.status).toBe(200);
    const message = await app.db.prisma.ticketMessage.findFirstOrThrow({
      where: { photoFileId: { not: null }, text: { contains: 'Tuesday' } },
    });
    expect(message.text).toBe('The receipt from Tuesday');
  });

  it('refuses a caption longer than 1,024 characters with 400 and a notice, keeping nothing', async () => {
    const visitor = await registeredInTicket('+37369100004');
    const before = readdirSync(photoDir).length;
    const messages = await app.db.prisma.ticketMessage.count();
    const response = await visitor.photo(PNG, 'image/png', 'a'.repeat(1025));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { notice: string }).notice).toBe(
      'This message could not be sent. Please write it again, a little shorter.',
    );
    expect(readdirSync(photoDir)).toHaveLength(before);
    expect(await app.db.prisma.ticketMessage.count()).toBe(messages);
  });

  it('refuses a file that is no picture whatever its type says, in the visitor’s language, and keeps nothing', async () => {
    const visitor = await registeredInTicket('+37369100002');
    const before = readdirSync(photoDir).length;
    const messages = await app.db.prisma.ticketMessage.count();
    const response = await visitor.photo(Uint8Array.from(Buffer.from('%PDF-1.7 not a photo at all')), 'image/png');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { notice: string }).notice).toBe(
      'I can take photos in JPEG, PNG or WebP only. Please send one of those.',
    );
    expect(readdirSync(photoDir)).toHaveLength(before);
    expect(await app.db.prisma.ticketMessage.count()).toBe(messages);
  });

  it('refuses a GIF sent as a GIF with the same polite notice', async () => {
    const visitor = await newVisitor();
    const response = await visitor.photo(Uint8Array.from(Buffer.from('GIF89a....')), 'image/gif');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { notice: string }).notice).toContain('JPEG, PNG or WebP');
  });

  it('refuses a photo over 10 MB with 413 and a notice', async () => {
    const visitor = await newVisitor();
    const large = new Uint8Array(10 * 1024 * 1024 + 1);
    large.set(PNG);
    const response = await visitor.photo(large);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { notice: string }).notice).toBe(
      'This photo is larger than 10 MB. Please send a smaller one.',
    );
  });

  it('answers a photo from a visitor who has not registered yet without failing', async () => {
    const visitor = await newVisitor();
    await visitor.send({ kind: 'command', command: 'start' });
    const response = await visitor.photo(PNG);
    expect(response.status).toBe(200);
  });

  it('refuses a photo posted from another site', async () => {
    const response = await fetch(`${app.url}/webchat/photos?id=photo-foreign-1`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'image/png' },
      body: PNG,
    });
    expect(response.status).toBe(403);
  });
});
