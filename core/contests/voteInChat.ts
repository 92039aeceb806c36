import type { Turn } from '../conversation/turn.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { menuAfter, withMenu } from '../menu/mainMenu.ts';
import type { Outbound } from '../outbound.ts';
import { firstNameOf, phaseOf, type Contest } from './contest.ts';
import type { ContestChatDeps } from './contestChatDeps.ts';
import { orderFor } from './contestOrder.ts';
import { contestPayload } from './contestPayloads.ts';
import { titleOf } from './openContest.ts';

/**
 * Why a member may not vote in a contest now, or null when they may. Only
 * members who joined before voting opened count, so accounts made for the
 * vote do not.
 */
export function voteRefusal(contest: Contest, member: MemberRecord, now: Date): 'notVoting' | 'lateAccount' | null {
  if (phaseOf(contest, now) !== 'voting') return 'notVoting';
  if (member.createdAt >= contest.votingOpensAt) return 'lateAccount';
  return null;
}

/** "Vote" and "➡️ Next": the entry at `index` of this member's own order, with ❤️ Vote and ➡️ Next. */
export async function showEntry(
  turn: Turn,
  member: MemberRecord,
  contestId: string,
  index: number,
): Promise<Outbound[]> {
  const contests = turn.deps.contests;
  const contest = await contests?.store.find(contestId);
  if (!contests || !contest) return [withMenu(turn, turn.t('contests.none'))];
  const refusal = voteRefusal(contest, member, turn.now);
  if (refusal) return [withMenu(turn, turn.t(`contests.refused.${refusal}`))];
  return [await entryScreen(turn, contests, contest, member, index)];
}

/** ❤️ Vote: counted once whatever the taps, then the next entry. */
export async function voteFor(turn: Turn, member: MemberRecord, entryId: string, index: number): Promise<Outbound[]> {
  const contests = turn.deps.contests;
  const entry = await contests?.store.findEntry(entryId);
  const contest = entry && (await contests?.store.find(entry.contestId));
  if (!contests || !entry || !contest || entry.status !== 'approved')
    return [withMenu(turn, turn.t('errors.unknownButton'))];
  const refusal = entry.memberId === member.id ? 'ownEntry' : voteRefusal(contest, member, turn.now);
  if (refusal) return [withMenu(turn, turn.t(`contests.refused.${refusal}`))];
  const outcome = await contests.store.cast(contest.id, member.id, entry.id, contest.votesPerMember, turn.now);
  const used =
    outcome.kind === 'limit' ? contest.votesPerMember : (await contests.store.votedBy(contest.id, member.id)).length;
  const left = contest.votesPerMember - used;
  const said = turn.t(`contests.vote.${outcome.kind}`, { count: left });
  if (outcome.kind === 'limit' || left === 0) return [withMenu(turn, said)];
  return [{ text: said }, await entryScreen(turn, contests, contest, member, index + 1)];
}

async function entryScreen(
  turn: Turn,
  contests: ContestChatDeps,
  contest: Contest,
  member: MemberRecord,
  index: number,
): Promise<Outbound> {
  const order = orderFor(contest.seed, member.id, await contests.store.approvedEntries(contest.id));
  if (order.length === 0) return withMenu(turn, turn.t('contests.noEntries'));
  if (index >= order.length)
    return menuAfter(turn, turn.t('contests.seenAll', { count: order.length }), [
      [{ label: turn.t('contests.startOver'), payload: contestPayload.show(contest.id, 0) }],
    ]);
  const entry = order[index]!;
  const voted = (await contests.store.votedBy(contest.id, member.id)).includes(entry.id);
  const lines = [
    turn.t('contests.entryOf', { title: titleOf(turn, contest), n: index + 1, of: order.length }),
    ...(entry.caption ? [entry.caption] : []),
    ...(contest.showAuthorNames ? [turn.t('contests.by', { name: firstNameOf(entry.authorName) })] : []),
    ...(voted ? [turn.t('contests.youVoted')] : []),
  ];
  const png = await contests.pictures.read(entry.pictureId);
  const alt = entry.caption ?? turn.t('contests.pictureAlt', { n: index + 1 });
  const screen = menuAfter(turn, lines.join('\n'), [
    [
      ...(voted ? [] : [{ label: turn.t('contests.voteHeart'), payload: contestPayload.vote(entry.id, index) }]),
      { label: turn.t('contests.next'), payload: contestPayload.show(contest.id, index + 1) },
    ],
  ]);
  return png ? { ...screen, image: { png, alt } } : screen;
}
