import type { Channel } from '../inbound.ts';
import { locales, type Locale } from '../i18n/locale.ts';
import type { CampaignMessages } from './campaign.ts';
import { longestLength, unknownPlaceholders } from './placeholders.ts';

/**
 * The platforms' limits on one message: Telegram's text and a photo's
 * caption, Viber's text. The web chat takes what either takes.
 */
export const CHANNEL_LIMITS = {
  telegram: { text: 4096, caption: 1024 },
  viber: { text: 7000 },
} as const;

export type MessageProblem =
  | { locale: Locale; reason: 'too-long'; channel: 'telegram' | 'viber'; limit: number; length: number }
  | { locale: Locale; reason: 'unknown-placeholder'; placeholder: string };

/**
 * What would stop a campaign's text from going out whole, checked before it
 * is sent, for the channels the segment reaches: each language's text as long as its placeholders can make it
 * (`{name}` at its longest name) against each channel's limit, a caption's
 * when the message carries a picture.
 */
export function messageProblems(
  messages: CampaignMessages,
  withImage: boolean,
  channels: readonly Channel[] = ['telegram', 'viber'],
): MessageProblem[] {
  const problems: MessageProblem[] = [];
  for (const locale of locales) {
    const text = messages[locale];
    if (text === undefined) continue;
    for (const placeholder of unknownPlaceholders(text))
      problems.push({ locale, reason: 'unknown-placeholder', placeholder });
    const length = longestLength(text);
    const limits = [
      channels.includes('telegram') && {
        channel: 'telegram' as const,
        limit: withImage ? CHANNEL_LIMITS.telegram.caption : CHANNEL_LIMITS.telegram.text,
      },
      channels.includes('viber') && { channel: 'viber' as const, limit: CHANNEL_LIMITS.viber.text },
    ].filter((one) => one !== false);
    // The strictest limit the text breaks is the one worth naming.
    const broken = limits.sort((a, b) => a.limit - b.limit).find(({ limit }) => length > limit);
    if (broken) problems.push({ locale, reason: 'too-long', ...broken, length });
  }
  return problems;
}

/** A problem in words for the API's error (the console shows its own, localized). */
export function problemDetail(problem: MessageProblem): string {
  return problem.reason === 'too-long'
    ? `is ${problem.length} characters with its placeholders at their longest; ${problem.channel} takes ${problem.limit}`
    : `has an unknown placeholder {${problem.placeholder}}; use {name}, {balance} or {tier}`;
}
