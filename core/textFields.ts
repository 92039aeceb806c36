import { z } from 'zod';
import { locales } from './i18n/locale.ts';

/**
 * A text a marketer writes by language (a quiz's question, a campaign's
 * message): at least one language, each at most `max` characters.
 */
export function localizedText(max: number, description: string) {
  const one = z.string().trim().min(1).max(max);
  return z
    .strictObject({ ru: one.optional(), ro: one.optional(), en: one.optional() })
    .refine((text) => locales.some((locale) => text[locale] !== undefined), {
      message: 'needs the text in at least one language (ru, ro or en)',
      params: { reason: 'needs-a-language' },
    })
    .meta({ description: `${description} By language; a missing language falls back to the programme's default.` });
}

/**
 * An address members' apps and browsers are given (a picture, a page). Only
 * https: Viber takes no other media URL and the web chat's page loads no
 * other picture. Normalized as the WHATWG URL parser writes it, so what is
 * stored is what a platform is given; a user name or password in it is refused.
 */
export function publicHttpsUrl() {
  return z
    .url({ protocol: /^https$/, normalize: true, error: 'must be an https:// address' })
    .max(2000)
    .refine((url) => !/^https:\/\/[^/?#]*@/.test(url), {
      message: 'must not carry a user name or password',
      params: { reason: 'has-credentials' },
    });
}
