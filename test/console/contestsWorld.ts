// The contest pages as staff meet them: the real application on loopback,
// accounts made through the API as the owner would make them, and entries
// written straight into the database with their pictures in the real
// picture store (members sending them has tests of its own, in the bots).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../app/startApp.ts';
import { createFilePictureStore } from '../../core/storage/media/createFilePictureStore.ts';
import { photoWithGps } from '../core/contests/support/contestBody.ts';
import { launchBrowserPages } from '../support/browserPages.ts';
import { startLoopbackApp } from '../support/loopbackApp.ts';
import { invite, send, sessionFrom, type Json, type Session } from './consoleCalls.ts';

const ADMIN_TOKEN = 'contests-page-admin-token-0123456789abcdef';
const OWNER = { name: 'Ion Popescu', email: 'owner@shop.md', password: 'correct horse battery' };

export interface ContestsWorld {
  app: RunningApp;
  /** The API with the admin token, as a script (or the Slack moderators) would call it. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  invite(role: string, person: { name: string; email: string; password: string }): Promise<Session>;
  /** A member named `name` sends a picture with `caption` to the contest; resolves to the entry's id. */
  entry(contestId: string, name: string, caption: string | null): Promise<string>;
  open(options?: { width?: number; enforceCsp?: boolean }): Promise<Page>;
  closePages(): Promise<void>;
  stop(): Promise<void>;
}

export async function startContestsWorld(): Promise<ContestsWorld> {
  let mediaDir = '';
  const loopback = await startLoopbackApp('contests-page-', (dir) => {
    mediaDir = join(dir, 'media');
    return { ADMIN_TOKEN, DEFAULT_LOCALE: 'en', WELCOME_BONUS_POINTS: '0', MEDIA_DIR: mediaDir };
  });
  const { app } = loopback;
  const url = app.url;
  const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const owner = sessionFrom(url, await send(url, 'POST', '/api/v1/owner', { ...OWNER, locale: 'en' }, bearer));
  const pictures = createFilePictureStore(mediaDir);
  const pages = await launchBrowserPages();
  let members = 0;
  return {
    app,
    admin: (method, path, body) => send(url, method, path, body, bearer),
    invite: (role, person) => invite(url, owner, { role, ...person }),
    entry: async (contestId, name, caption) => {
      members += 1;
      const now = new Date();
      const member = await app.db.prisma.member.create({
        data: {
          id: crypto.randomUUID(),
          cardNumber: `CT${String(members).padStart(6, '0')}`,
          name,
          locale: 'en',
          consentAt: now,
          consentVersion: 'test',
        },
      });
      const pictureId = await pictures.save(new Uint8Array(await photoWithGps()), 'image/jpeg');
      const entry = await app.db.prisma.contestEntry.create({
        data: {
          id: crypto.randomUUID(),
          contestId,
          memberId: member.id,
          pictureId,
          caption,
          status: 'pending',
          submittedAt: now,
        },
      });
      return entry.id;
    },
    open: ({ width = 1280, enforceCsp = false } = {}) =>
      pages.open(`${url}/admin`, { locale: 'en-US', viewport: { width, height: 900 }, bypassCSP: !enforceCsp }),
    closePages: () => pages.closePages(),
    stop: async () => {
      await pages.close();
      await loopback.stop();
    },
  };
}
