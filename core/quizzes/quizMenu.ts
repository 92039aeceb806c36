import { openQuizzesFor } from './quizAudience.ts';
import type { DynamicMenuEntries, MenuEntry, PayloadKind } from '../menu/menuPorts.ts';
import { withMenu } from '../menu/mainMenu.ts';
import { textIn } from './localizedText.ts';
import { answerQuestion, openQuiz } from './playQuiz.ts';
import { parseQuizPayload, quizPayload, QUIZ_SCOPE } from './quizPayloads.ts';

/**
 * `/quiz` and typed requests (the quiz intent, in every language) open the
 * quiz open for the member. Its menu button appears only while one is, so
 * the entry itself is not in the static menu.
 */
export const quizMenuEntries: MenuEntry[] = [
  {
    id: 'quiz',
    label: 'quiz.command',
    commands: ['quiz'],
    row: 3,
    inMenu: false,
    open: (turn, _chat, member) => openQuiz(turn, member),
  },
];

/** "🎯 {title}" for each quiz open for the member and not yet finished by them. */
export const quizDynamicMenu: DynamicMenuEntries[] = [
  {
    // A row of its own above the usual menu: a game running is news.
    row: -1,
    buttonsFor: async (turn, member) => {
      const open = await openQuizzesFor(turn, member);
      return open
        .filter((quiz) => !quiz.finished)
        .map((quiz) => ({
          label: turn.t('quiz.menuButton', {
            title: textIn(quiz.title, turn.locale, turn.deps.settings.defaultLocale),
          }),
          payload: quizPayload.open(quiz.id),
        }));
    },
  },
];

export const quizPayloadKinds: PayloadKind[] = [
  {
    scope: QUIZ_SCOPE,
    // An answer is followed by the next question; the last one asks for the menu itself (playQuiz.ts).
    showsMenu: false,
    answer: async (turn, _chat, member, payload) => {
      const press = parseQuizPayload(payload);
      if (press.kind === 'open') return openQuiz(turn, member, press.quizId);
      if (press.kind === 'answer') return answerQuestion(turn, member, press);
      return [withMenu(turn, turn.t('quiz.oldButton'))];
    },
  },
];
