import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsStore } from '../../core/storage/settingsStore.ts';

/** Issues visitor ids and recognises the ones this server issued. */
export interface VisitorIds {
  /** A fresh id and the signed cookie value that carries it. */
  issue(): { id: string; cookie: string };
  /** The id a cookie value carries, when this server signed it; undefined for anything else. */
  verify(cookie: string | undefined): string | undefined;
}

const SECRET_KEY = 'webchat.visitorSecret';
const COOKIE_FORMAT = /^([\w-]{24})\.([\w-]{43})$/;

/**
 * Visitor ids signed with a secret kept in the database, so every instance
 * shares it and a restart keeps visitors. A cookie someone planted (from a
 * sibling subdomain, or over plain HTTP) is not signed by us and is
 * replaced, so nobody can fix a victim's id in advance and read along later.
 */
export async function createVisitorIds(settings: SettingsStore): Promise<VisitorIds> {
  const secret = Buffer.from(await settings.putIfAbsent(SECRET_KEY, randomBytes(32).toString('base64url')), 'base64url');
  const sign = (id: string) => createHmac('sha256', secret).update(`webchat-visitor:${id}`).digest('base64url');
  return {
    issue: () => {
      const id = randomBytes(18).toString('base64url');
      return { id, cookie: `${id}.${sign(id)}` };
    },
    verify: (cookie) => {
      const match = COOKIE_FORMAT.exec(cookie ?? '');
      if (!match) return undefined;
      const [, id, mac] = match as unknown as [string, string, string];
      return timingSafeEqual(Buffer.from(mac), Buffer.from(sign(id))) ? id : undefined;
    },
  };
}
