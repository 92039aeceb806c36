import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsStore } from '../../core/settings/settingsPorts.ts';

/**
 * Issues visitor ids and recognises the ones this server issued. An id is
 * 24 random characters followed by their 43-character signature; the whole
 * of it is the cookie and the visitor's address on the web channel.
 */
export interface VisitorIds {
  issue(): string;
  /** The value itself when this server signed it; undefined for anything else. */
  verify(value: string | undefined): string | undefined;
}

const SECRET_KEY = 'webchat.visitorSecret';
const ID_FORMAT = /^([\w-]{24})([\w-]{43})$/;

/**
 * Visitor ids signed with a secret kept in the database, so every instance
 * shares it and a restart keeps visitors. A cookie someone planted (from a
 * sibling subdomain, or over plain HTTP) is not signed by us and is
 * replaced, so nobody can fix a victim's id in advance and read along later.
 */
export async function createVisitorIds(settings: SettingsStore): Promise<VisitorIds> {
  const secret = Buffer.from(
    await settings.putIfAbsent(SECRET_KEY, randomBytes(32).toString('base64url')),
    'base64url',
  );
  const sign = (id: string) => createHmac('sha256', secret).update(`webchat-visitor:${id}`).digest('base64url');
  return {
    issue: () => {
      const random = randomBytes(18).toString('base64url');
      return `${random}${sign(random)}`;
    },
    verify: (value) => {
      const match = ID_FORMAT.exec(value ?? '');
      if (!match) return undefined;
      const [, random, mac] = match as unknown as [string, string, string];
      return timingSafeEqual(Buffer.from(mac), Buffer.from(sign(random))) ? value : undefined;
    },
  };
}
