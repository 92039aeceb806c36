import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from '../../core/logger.ts';
import { locales, type Locale } from '../../core/i18n/locale.ts';
import type { Translator } from '../../core/i18n/translator.ts';
import type { MemberCommand } from '../../core/menu/memberCommands.ts';

/**
 * Sets the command list for every language we speak (Telegram picks it by
 * the user's app language) and, in the default locale, for everyone else.
 * A refusal is logged and the start goes on: the commands still work when
 * typed, only Telegram's menu button lacks them.
 */
export async function setBotCommands(
  api: Api,
  deps: { translator: Translator; defaultLocale: Locale; log: Logger; commands: readonly MemberCommand[] },
): Promise<void> {
  const lists: Array<{ language?: Locale; commands: BotCommand[] }> = [
    { commands: commandsIn(deps, deps.defaultLocale) },
    ...locales.map((language) => ({ language, commands: commandsIn(deps, language) })),
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

/** Each command's description in `locale`: its own text when the catalogue has one, else its menu entry's label. */
function commandsIn(
  deps: { translator: Translator; commands: readonly MemberCommand[] },
  locale: Locale,
): BotCommand[] {
  const t = deps.translator.forLocale(locale);
  return deps.commands.map(({ command, label }) => {
    const key = `telegram.commands.${command}`;
    const own = t(key);
    return { command, description: own !== key || !label ? own : t(label) };
  });
}
