import { normalizePhone } from '../members/normalizePhone.ts';
import { message, type Outbound } from '../outbound.ts';
import type { MemberReference } from '../points/pointsPorts.ts';
import { loadMemberAtTill } from './loadMemberAtTill.ts';
import { parseMemberReference, type ParsedReference } from './parseMemberReference.ts';
import { amountButtons, askMember, memberLines } from './tillMessages.ts';
import { saveTillState, type TillTurn } from './tillTurn.ts';

/**
 * The cashier names the member by one-time code, card number or phone (typed
 * or shared as a contact). The member's card is shown and the amount asked.
 */
export async function answerMemberStep(turn: TillTurn): Promise<Outbound[]> {
  const { t, deps } = turn;
  const parsed = referenceIn(turn);
  if (!parsed.ok)
    return [message(t(parsed.reason === 'bad-card' ? 'till.badCard' : 'till.unreadableMember')), askMember(t)];
  const guessing = 'code' in parsed.reference;
  const guesser = `cashier:${turn.cashier.staffId}`;
  // A cashier over the limit cannot try codes at all: a right guess must not show through either.
  if (guessing && (await deps.till.codeGuesses.waitFor(guesser, turn.now)) !== null)
    return [message(t('till.tooManyCodes')), askMember(t)];
  const found = await deps.points.findMember(parsed.reference, guesser);
  const current = found && (await loadMemberAtTill(turn, found.id));
  if (!current) {
    if (guessing) await deps.till.codeGuesses.failed(guesser, turn.now);
    return [message(t(await notFoundKey(turn, parsed.reference))), askMember(t)];
  }
  const { member, rules } = current;
  // The reference is kept as given: a one-time code must be used up by the purchase itself.
  await saveTillState(turn, { v: 1, step: 'amount', memberId: member.id, reference: parsed.reference });
  const lines = [...memberLines(t, rules, member), '', t('till.askAmount', { currency: rules.currency })];
  return [message(lines.join('\n'), amountButtons(t))];
}

function referenceIn(turn: TillTurn): ParsedReference {
  const { event } = turn.inbound;
  const region = turn.deps.settings.phoneRegion;
  if (event.kind === 'text') return parseMemberReference(event.text, region);
  if (event.kind === 'contact') {
    const phone = normalizePhone(event.phone, region);
    return phone ? { ok: true, reference: { phone } } : { ok: false, reason: 'unreadable' };
  }
  return { ok: false, reason: 'unreadable' };
}

async function notFoundKey(turn: TillTurn, reference: MemberReference): Promise<string> {
  // A code used up or expired is told as such, like the purchase and the REST API tell it.
  if ('code' in reference)
    return (await turn.deps.points.whyNoMemberFor(reference.code)) === 'expired'
      ? 'till.codeExpired'
      : 'till.codeUnknown';
  if ('cardNumber' in reference) return 'till.cardNotFound';
  return 'till.phoneNotFound';
}
