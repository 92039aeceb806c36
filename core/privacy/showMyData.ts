import type { Turn } from '../conversation/turn.ts';
import type { Translate } from '../i18n/translator.ts';
import { formatCardNumber } from '../members/cardNumber.ts';
import type { Birthday, MemberRecord } from '../members/membersPorts.ts';
import { menuAfter, withMenu } from '../menu/mainMenu.ts';
import { formatDate } from '../menu/formatDate.ts';
import type { Outbound } from '../outbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { DataSummary } from './privacyPorts.ts';
import { privacyPayload } from './privacyPayloads.ts';

/**
 * "My data": everything we keep about the member, in plain words, and the
 * way to ask for erasure. This keeps the promise the consent text makes.
 */
export async function showMyData(turn: Turn, member: MemberRecord): Promise<Outbound> {
  const { t, deps } = turn;
  const summary = deps.privacy && (await deps.privacy.summary(member.id));
  if (!summary) return withMenu(turn, t('privacy.unavailable'));
  const text = [t('privacy.title'), ...dataLines(turn, summary), '', consentLine(turn, summary), t('privacy.rights')];
  return menuAfter(turn, text.join('\n'), [[{ label: t('privacy.erase'), payload: privacyPayload.askErase }]]);
}

function dataLines(turn: Turn, summary: DataSummary): string[] {
  const { t, locale } = turn;
  const topics = summary.mutedTopics.map((topic) => t(`notifications.topic.${topic}`));
  return [
    t('privacy.name', { name: summary.name }),
    summary.phone ? t('privacy.phone', { phone: summary.phone }) : t('privacy.noPhone'),
    summary.birthday
      ? t('privacy.birthday', { date: birthdayText(summary.birthday, locale) })
      : t('privacy.noBirthday'),
    t('privacy.card', { card: formatCardNumber(summary.cardNumber) }),
    t('privacy.balance', { points: t('points', { count: summary.balance }) }),
    t('privacy.purchases', { count: summary.purchases }),
    t('privacy.tickets', { count: summary.tickets }),
    // Said only when there is something: most members never answered a survey or played.
    ...(summary.surveyAnswers > 0 ? [t('privacy.surveyAnswers', { count: summary.surveyAnswers })] : []),
    ...(summary.quizzes > 0 ? [t('privacy.quizzes', { count: summary.quizzes })] : []),
    t('privacy.channels', { channels: summary.channels.map((channel) => channelName(t, channel)).join(', ') }),
    topics.length > 0 ? t('privacy.muted', { topics: topics.join(', ') }) : t('privacy.noneMuted'),
  ];
}

function consentLine(turn: Turn, summary: DataSummary): string {
  const date = formatDate(summary.consent.at, turn.locale, turn.deps.settings.timezone);
  return turn.t('privacy.consent', { date, version: summary.consent.version });
}

function channelName(t: Translate, channel: string): string {
  return t(`privacy.channel.${channel}`, { defaultValue: channel });
}

/** The same regional forms as the rest of the chat's dates (core/menu/formatDate.ts). */
const intlLocale: Record<Locale, string> = { ru: 'ru-RU', ro: 'ro-MD', en: 'en-GB' };

/** A birthday as the member gave it: day and month, and the year when they gave one. It is a calendar day, so UTC. */
function birthdayText(birthday: Birthday, locale: Locale): string {
  const date = new Date(Date.UTC(birthday.year ?? 2000, birthday.month - 1, birthday.day));
  const parts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale[locale], birthday.year ? { ...parts, year: 'numeric' } : parts).format(
    date,
  );
}
