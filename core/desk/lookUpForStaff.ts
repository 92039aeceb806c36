import type { Translate } from '../i18n/translator.ts';
import { formatMoney } from '../points/formatMoney.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { parseMemberReference } from '../till/parseMemberReference.ts';
import type { StaffDeskDeps } from './staffDesk.ts';
import { phoneForStaff } from './phoneForStaff.ts';
import { channelList, duration } from './ticketCard.ts';
import { ticketReference } from './ticketReference.ts';

const LISTED_TICKETS = 20;

/** `/loyalty`: the open tickets, or with a phone or card number, that member's card. */
export async function lookUpForStaff(query: string, deps: StaffDeskDeps & { t: Translate }): Promise<string> {
  const { t } = deps;
  const words = query.trim();
  if (words === '') return openTickets(deps);
  const parsed = parseMemberReference(words, deps.settings.phoneRegion);
  const reference = parsed.ok ? parsed.reference : null;
  // A one-time code is the till's; staff look members up by what they can ask a customer for.
  const byWhat =
    reference && 'cardNumber' in reference
      ? { cardNumber: reference.cardNumber }
      : reference && 'phone' in reference
        ? { phone: reference.phone }
        : null;
  if (!byWhat) return t('desk.lookUp.unreadable', { query: words });
  const member = await deps.desk.store.findMember(byWhat);
  if (!member) return t('desk.lookUp.notFound', { query: words });
  return memberCard(member, deps);
}

async function openTickets({ desk, t, clock }: StaffDeskDeps & { t: Translate }): Promise<string> {
  const tickets = await desk.store.unresolved(LISTED_TICKETS);
  if (tickets.length === 0) return t('desk.lookUp.noOpenTickets');
  const now = clock();
  const lines = tickets.map((ticket) => {
    const status =
      ticket.status === 'open' ? t('desk.status.open') : t('desk.status.taken', { name: ticket.assignee?.name ?? '—' });
    return t('desk.lookUp.ticketLine', {
      ref: ticketReference(ticket.id),
      name: ticket.memberName,
      status,
      waited: duration(ticket.openedAt, now, t),
    });
  });
  return [t('desk.lookUp.openTickets', { count: tickets.length }), ...lines].join('\n');
}

async function memberCard(
  member: MemberRecord & { channels: readonly string[] },
  { t, desk, loadRules }: StaffDeskDeps & { t: Translate },
): Promise<string> {
  const { currency } = await loadRules();
  const locale = desk.settings.staffLocale;
  return [
    t('desk.lookUp.member', { name: member.name }),
    `${t('desk.card.card')}: ${member.cardNumber}`,
    `${t('desk.card.phone')}: ${phoneForStaff(member.phone, desk.settings.showPhone)}`,
    `${t('desk.card.tier')}: ${member.tier ? t(`tier.${member.tier}`, { defaultValue: member.tier }) : '—'}`,
    `${t('desk.card.balance')}: ${t('points', { count: member.balance })}`,
    t('desk.lookUp.lifetime', {
      spend: formatMoney(member.lifetimeSpend, currency, locale),
      count: member.purchaseCount,
    }),
    `${t('desk.card.language')}: ${t(`language.name.${member.locale}`)}`,
    `${t('desk.card.channels')}: ${channelList(member.channels, t)}`,
  ].join('\n');
}
