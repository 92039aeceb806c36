import { localeFromHint, type Locale } from '../i18n/locale.ts';
import { message, type Outbound } from '../outbound.ts';
import { parsePayload, payload } from '../payloads.ts';
import { languageButtons } from '../menu/languagePicker.ts';
import { askName } from './chatState.ts';
import { promptFor } from './prompts.ts';
import { turnIn, type AssistantDeps, type Turn } from './turn.ts';

/**
 * Someone we hold nothing about. Until they accept the consent nothing is
 * stored: the chosen language travels inside the button payloads instead.
 */
export async function greetStranger(deps: AssistantDeps, inbound: Turn['inbound']): Promise<Outbound[]> {
  const hinted = localeFromHint(inbound.languageHint, deps.settings.defaultLocale);
  const pressed = inbound.event.kind === 'button' ? parsePayload(inbound.event.payload) : null;
  if (pressed?.kind === 'consent') {
    const turn = turnIn(deps, inbound, pressed.locale);
    return pressed.accepted ? acceptConsent(turn) : [message(turn.t('consent.declined'))];
  }
  const locale = pressed?.kind === 'language' ? pressed.locale : hinted;
  return [consentRequest(turnIn(deps, inbound, locale))];
}

function consentRequest({ t, locale }: Turn): Outbound {
  return message(`${t('greeting.hello')}\n\n${t('consent.text')}`, [
    [
      { label: t('consent.accept'), payload: payload.consentAccept(locale) },
      { label: t('consent.decline'), payload: payload.consentDecline(locale) },
    ],
    languageButtons(t),
  ]);
}

async function acceptConsent(turn: Turn): Promise<Outbound[]> {
  const { channel, address } = turn.inbound;
  const { consentVersion } = turn.deps.settings;
  const chat = await turn.deps.store.createChat({ channel, address, locale: turn.locale as Locale, state: askName, consentAt: turn.now, consentVersion });
  return [message(turn.t('consent.thanks')), promptFor(turn, chat.state)];
}
