import { saveState } from '../conversation/saveState.ts';
import type { Turn } from '../conversation/turn.ts';
import { withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import type { DeskDraft } from './deskPorts.ts';
import { localDay } from '../program/quietHours.ts';

/**
 * The member rates how staff handled a resolved ticket. The first rating
 * counts; after it the member may add a comment as their next message.
 */
export async function rateHelp(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  rating: number,
): Promise<Outbound[]> {
  const { t, deps, now } = turn;
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  const posts: DeskDraft[] = [
    {
      dedupeKey: `desk:${ticketId}:rated`,
      post: { kind: 'thread', text: staffT('desk.thread.rated', { name: member.name, rating, stars: stars(rating) }) },
    },
    { dedupeKey: `desk:${ticketId}:refresh:rated`, post: { kind: 'refresh' } },
  ];
  const outcome = await deps.desk.store.rate(
    ticketId,
    member.id,
    rating,
    now,
    posts,
    localDay(now, deps.settings.timezone),
  );
  if (outcome === 'already-rated') return [withMenu(turn, t('desk.alreadyRated'))];
  if (outcome === 'not-resolved') return [withMenu(turn, t('errors.unknownButton'))];
  // A newer ticket may be open by now; its conversation goes on, without a comment step.
  if (chat.state.ticket && chat.state.ticket !== ticketId) return [withMenu(turn, t('desk.rated'))];
  await saveState(turn, chat, { state: { v: 1, step: 'member', commentFor: ticketId } });
  return [withMenu(turn, t('desk.ratedAskComment'))];
}

/** The text after a rating is its comment; it goes to the ticket's thread. */
export async function commentOnRating(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  ticketId: string,
  comment: string,
): Promise<Outbound[]> {
  const { t, deps } = turn;
  const staffT = deps.translator.forLocale(deps.desk.settings.staffLocale);
  await deps.desk.store.comment(ticketId, member.id, comment, [
    {
      dedupeKey: `desk:${ticketId}:comment`,
      post: { kind: 'thread', text: staffT('desk.thread.comment', { name: member.name }), quote: comment },
    },
    { dedupeKey: `desk:${ticketId}:refresh:comment`, post: { kind: 'refresh' } },
  ]);
  await saveState(turn, chat, { state: { v: 1, step: 'member' } });
  return [withMenu(turn, t('desk.commentThanks'))];
}

export function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}
