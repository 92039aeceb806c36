import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from '../../core/logger.ts';
import { locales, type Locale } from '../../core/i18n/locale.ts';
import type { Translator } from '../../core/i18n/translator.ts';

/** What a customer can type; Telegram shows them behind its menu button. Cashier commands stay unlisted. */
export const CUSTOMER_COMMANDS = [
  'start',
  'menu',
  'balance',
  'card',
  'history',
  'invite',
  'notifications',
  'language',
  'complaint',
  'human',
  'help',
] as const;

/**
 * Sets the command list for every language we speak (Telegram picks it by
 * the user's app language) and, in the default locale, for everyone else.
 * A refusal is logged and the start goes on: the commands still work when
 * typed, only Telegram's menu button lacks them.
 */
export async function setBotCommands(
  api: Api,
  deps: { translator: Translator; defaultLocale: Locale; log: Logger },
): Promise<void> {
  const lists: Array<{ language?: Locale; commands: BotCommand[] }> = [
    { commands: commandsIn(deps.translator, deps.defaultLocale) },
    ...locales.map((language) => ({ language, commands: commandsIn(deps.translator, language) })),
  ];
  for (const { language, commands } of lists) {
    await api
      .setMyCommands(commands, language ? { language_code: language } : {})
      .catch((error: unknown) =>
        deps.log.warn(
          { err: error, language: language ?? 'default' },
          'telegram: could not set the command list; commands still work when typed',
        ),
      );
  }
}

function commandsIn(translator: Translator, locale: Locale): BotCommand[] {
  const t = translator.forLocale(locale);
  return CUSTOMER_COMMANDS.map((command) => ({ command, description: t(`telegram.commands.${command}`) }));
}
