import type { DynamicMenuEntries, MenuEntry, PayloadKind } from '../menu/menuPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { phaseOf } from './contest.ts';
import { contestPayload, CONTEST_SCOPE, parseContestPayload } from './contestPayloads.ts';
import { activeContests, askForPicture, openContest, titleOf } from './openContest.ts';
import { showEntry, voteFor } from './voteInChat.ts';

/** `/contest` opens the contest running now; its menu button appears only while one is. */
export const contestMenuEntries: MenuEntry[] = [
  {
    id: 'contest',
    label: 'contests.command',
    commands: ['contest'],
    row: 3,
    inMenu: false,
    open: (turn, _chat, member) => openContest(turn, member),
  },
];

/** "🏆 {title}" while a contest takes pictures or votes. */
export const contestDynamicMenu: DynamicMenuEntries[] = [
  {
    row: -1,
    buttonsFor: async (turn) =>
      (await activeContests(turn))
        .filter((contest) => phaseOf(contest, turn.now) !== 'between')
        .map((contest) => ({
          label: turn.t('contests.menuButton', { title: titleOf(turn, contest) }),
          payload: contestPayload.open(contest.id),
        })),
  },
];

export const contestPayloadKinds: PayloadKind[] = [
  {
    scope: CONTEST_SCOPE,
    answer: async (turn, chat, member, payload) => {
      const press = parseContestPayload(payload);
      switch (press.kind) {
        case 'open':
          return openContest(turn, member, press.contestId);
        case 'submit':
          return askForPicture(turn, chat, member, press.contestId);
        case 'show':
          return showEntry(turn, member, press.contestId, press.index);
        case 'vote':
          return voteFor(turn, member, press.entryId, press.index);
        case 'unknown':
          return [withMenu(turn, turn.t('errors.unknownButton'))];
      }
    },
  },
];
