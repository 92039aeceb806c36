import { localeFromHint, locales, type Locale } from '../i18n/locale.ts';
import { message, type Outbound } from '../outbound.ts';
import { parsePayload, payload, type ParsedPayload } from '../payloads.ts';
import { languageButtons } from '../menu/languagePicker.ts';
import { askName, type ChatState } from './chatState.ts';
import { referralCodeFromStart } from '../referral/referralCode.ts';
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
    return pressed.accepted ? acceptConsent(turn, pressed.ref) : [message(turn.t('consent.declined'))];
  }
  const locale = pressed?.kind === 'language' ? pressed.locale : hinted;
  return [consentRequest(turnIn(deps, inbound, locale), invitationCode(inbound, pressed))];
}

/** Referral: the code of a `/start ref_<code>` link, or the one a language button carried on. */
function invitationCode(inbound: Turn['inbound'], pressed: ParsedPayload | null): string | undefined {
  if (pressed?.kind === 'language') return pressed.ref;
  const { event } = inbound;
  return (event.kind === 'command' && event.command === 'start' && referralCodeFromStart(event.payload)) || undefined;
}

function consentRequest({ t, locale }: Turn, ref: string | undefined): Outbound {
  return message(`${t('greeting.hello')}\n\n${t('consent.text')}`, [
    [
      { label: t('consent.accept'), payload: payload.consentAccept(locale, ref) },
      { label: t('consent.decline'), payload: payload.consentDecline(locale) },
    ],
    // Referral: the code survives a change of language before consent.
    ref
      ? locales.map((lng) => ({ label: t(`language.name.${lng}`), payload: payload.language(lng, ref) }))
      : languageButtons(t),
  ]);
}

async function acceptConsent(turn: Turn, ref: string | undefined): Promise<Outbound[]> {
  const { channel, address } = turn.inbound;
  const { consentVersion } = turn.deps.settings;
  const state: ChatState = ref ? { v: 1, step: 'name', ref } : askName;
  const chat = await turn.deps.chats.createChat({
    channel,
    address,
    locale: turn.locale as Locale,
    state,
    consentAt: turn.now,
    consentVersion,
  });
  return [message(turn.t('consent.thanks')), promptFor(turn, chat.state)];
}
