import type { MemberChat } from '../conversation/conversationPorts.ts';
import type { Turn } from '../conversation/turn.ts';
import { saveState } from '../conversation/saveState.ts';
import type { MemberState } from '../conversation/chatState.ts';
import type { MemberRecord } from '../members/membersPorts.ts';
import { formatDate, formatTime } from '../menu/formatDate.ts';
import { menuAfter, withMenu } from '../menu/mainMenu.ts';
import type { Button, Outbound } from '../outbound.ts';
import { phaseOf, type Contest } from './contest.ts';
import type { ContestChatDeps } from './contestChatDeps.ts';
import { contestPayload } from './contestPayloads.ts';
import { contestText } from './contestText.ts';

/** Contests a member can do something in now: send a picture, or vote. */
export async function activeContests(turn: Turn): Promise<Contest[]> {
  const contests = turn.deps.contests;
  if (!contests) return [];
  const current = await contests.store.current(turn.now);
  return current.filter((contest) => ['submissions', 'between', 'voting'].includes(phaseOf(contest, turn.now)));
}

/** `/contest`, or the contest's menu button: its rules and what the member can do now. */
export async function openContest(turn: Turn, member: MemberRecord, contestId?: string): Promise<Outbound[]> {
  const contests = turn.deps.contests;
  const contest = contests && (contestId ? await contests.store.find(contestId) : (await activeContests(turn))[0]);
  if (!contests || !contest) return [withMenu(turn, turn.t('contests.none'))];
  const phase = phaseOf(contest, turn.now);
  const lines = [titleOf(turn, contest)];
  const rules = contestText(contest.rules, turn.locale, turn.deps.settings.defaultLocale);
  if (rules) lines.push(rules);
  const own: Button[][] = [];
  if (phase === 'submissions') {
    const entry = await contests.store.entryOf(contest.id, member.id);
    lines.push(turn.t('contests.submitUntil', { when: when(turn, contest.submissionsCloseAt) }));
    if (entry) lines.push(turn.t(`contests.yourEntry.${entry.status}`));
    own.push([{ label: turn.t('contests.sendButton'), payload: contestPayload.submit(contest.id) }]);
  } else if (phase === 'between' || phase === 'upcoming') {
    lines.push(turn.t('contests.votingFrom', { when: when(turn, contest.votingOpensAt) }));
  } else if (phase === 'voting') {
    lines.push(turn.t('contests.voteUntil', { when: when(turn, contest.votingClosesAt) }));
    own.push([{ label: turn.t('contests.voteButton'), payload: contestPayload.show(contest.id, 0) }]);
  } else {
    lines.push(turn.t('contests.over'));
  }
  return [menuAfter(turn, lines.join('\n\n'), own)];
}

/** "Send your photo or drawing": the next picture in this chat is the entry. */
export async function askForPicture(
  turn: Turn,
  chat: MemberChat,
  member: MemberRecord,
  contestId: string,
): Promise<Outbound[]> {
  const contest = await turn.deps.contests?.store.find(contestId);
  if (!contest || phaseOf(contest, turn.now) !== 'submissions') return openContest(turn, member, contestId);
  const state: MemberState = { ...(chat.state as MemberState), contestEntry: contest.id };
  await saveState(turn, chat, { state });
  return [{ text: turn.t('contests.sendPicture', { title: titleOf(turn, contest) }) }];
}

export function titleOf(turn: Turn, contest: Pick<Contest, 'title'>): string {
  return contestText(contest.title, turn.locale, turn.deps.settings.defaultLocale);
}

function when(turn: Turn, at: Date): string {
  const { timezone } = turn.deps.settings;
  return `${formatDate(at, turn.locale, timezone)} ${formatTime(at, turn.locale, timezone)}`;
}

export type { ContestChatDeps };
