import { randomUUID } from 'node:crypto';
import { message, type Outbound } from '../outbound.ts';
import type { Birthday, Enrolment, MemberRecord } from '../members/membersPorts.ts';
import type { ChatRecord } from './conversationPorts.ts';
import { newCardNumber } from '../members/cardNumber.ts';
import type { ProgramRules } from '../program/programRules.ts';
import { showCard } from '../menu/showCard.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { withDynamicMenu } from '../menu/dynamicMenu.ts';
import { welcomeBonusAtEnrolment } from '../members/welcomeBonus.ts';
import { asMember, carryReferral } from './chatState.ts';
import type { ReferralClaim } from '../referral/referralPorts.ts';
import { promptFor } from './prompts.ts';
import { saveState } from './saveState.ts';
import { phoneText } from './phoneText.ts';
import { ChatChangedError, type Turn } from './turn.ts';
import { retry, TryAgainError } from '../errors.ts';
import { linkProvenNumber } from './answerPhone.ts';
import { withOffersQuestion } from '../marketing/offersQuestion.ts';

type BirthdayChat = ChatRecord & {
  state: { step: 'birthday'; name: string; phone: string; verified?: boolean; ref?: string };
};

/**
 * Issues the card: the member, their welcome bonus and the chat's move to
 * the menu are one transaction, so a crash leaves either all or nothing.
 */
export async function completeRegistration(
  turn: Turn,
  chat: BirthdayChat,
  birthday: Birthday | null,
): Promise<Outbound[]> {
  const rules = await turn.deps.points.rules();
  const exhausted = () =>
    new Error('Could not find a free card number after 3 attempts; the card number space may be exhausted.');
  return retry({ attempts: 3, exhausted }, async () => {
    const result = await turn.deps.members.enrol(enrolmentFor(turn, chat, birthday, rules));
    if (result.ok) return welcomeMessages(turn, result.member, result.welcomeWithheld ? null : rules);
    if (result.reason === 'chat-changed') throw new ChatChangedError();
    if (result.reason === 'phone-taken') return (await joinWinner(turn, chat)) ?? phoneTakenMeanwhile(turn, chat);
    throw new TryAgainError('the random card number was taken');
  });
}

function enrolmentFor(
  turn: Turn,
  chat: BirthdayChat,
  birthday: Birthday | null,
  rules: ProgramRules,
): Enrolment & ReferralClaim {
  return {
    at: turn.now,
    chatId: chat.id,
    chatVersion: chat.version,
    member: {
      id: randomUUID(),
      cardNumber: newCardNumber(),
      name: chat.state.name,
      phone: chat.state.phone,
      phoneVerified: chat.state.verified === true,
      birthday,
      birthdaySetAt: birthday ? turn.now : null,
      locale: chat.locale,
      consentAt: chat.consentAt,
      consentVersion: chat.consentVersion,
    },
    // A typed number earns the welcome bonus at the first purchase, where a person is present.
    welcome: welcomeBonusAtEnrolment(rules, chat.state.verified === true, turn.now),
    nextState: asMember,
    // Referral: the inviter is looked up and remembered in the enrolment transaction.
    ...(chat.state.ref && { referralCode: chat.state.ref }),
  };
}

/** `rules` null: no welcome bonus to speak of (this phone had one before its data was erased). */
async function welcomeMessages(turn: Turn, member: MemberRecord, rules: ProgramRules | null): Promise<Outbound[]> {
  const { t } = turn;
  const menu = withMenu(await withDynamicMenu(turn, member), t('menu.title'));
  return [
    message(t('registration.done', { name: member.name }) + welcomeLine(turn, member, rules)),
    await showCard(turn, member),
    // News and offers stay off unless the member says yes; asked here once.
    turn.deps.marketing ? withOffersQuestion(turn, menu) : menu,
  ];
}

/** The bonus credited now, or the promise of it at the first purchase when the number was typed. */
function welcomeLine(turn: Turn, member: MemberRecord, rules: ProgramRules | null): string {
  const { t } = turn;
  if (!rules) return '';
  if (member.balance > 0)
    return `\n${t('registration.welcomeBonus', { points: t('points', { count: member.balance }) })}`;
  if (rules.welcomeBonus > 0)
    return `\n${t('registration.welcomeAtFirstPurchase', { points: t('points', { count: rules.welcomeBonus }) })}`;
  return '';
}

/**
 * Someone registered this number between the phone step and now: another
 * chat of the same person, typically, at the same moment. A proven number
 * joins that card (one member, one welcome bonus); a typed one is asked again.
 */
async function joinWinner(turn: Turn, chat: BirthdayChat): Promise<Outbound[] | null> {
  if (chat.state.verified !== true) return null;
  const holder = await turn.deps.members.findMemberByPhone(chat.state.phone);
  if (!holder) throw new TryAgainError('the number was freed again meanwhile');
  const linked = await linkProvenNumber(turn, chat, holder, chat.state.phone);
  if (!linked) throw new TryAgainError('the number left the card that only typed it');
  return linked;
}

/** Someone else registered this number between the phone step and now. */
async function phoneTakenMeanwhile(turn: Turn, chat: BirthdayChat): Promise<Outbound[]> {
  const back = { v: 1, step: 'phone', name: chat.state.name, ...carryReferral(chat.state) } as const;
  await saveState(turn, chat, { state: back });
  return [message(turn.t(phoneText(turn.inbound.channel, 'registration.phoneTaken'))), promptFor(turn, back)];
}
