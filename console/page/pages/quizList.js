// Every quiz, newest first: its status, when it opens and closes, how many
// members have played, a link to edit it and one to its results.
import { api } from '../api.js';
import { el, heading, table } from '../dom.js';
import { t } from '../i18n.js';
import { statusOf, statusText, timeNode, titleOf } from './quizWords.js';

export async function render() {
  const { quizzes } = await api('GET', '/quizzes');
  return el(
    'section',
    { class: 'quizzes' },
    heading(t('quizzes.heading')),
    el('p', { text: t('quizzes.intro') }),
    el('p', {}, el('a', { class: 'button primary', href: '#/quizzes/new', text: t('quizzes.new') })),
    quizzes.length === 0 ? el('p', { class: 'muted', text: t('quizzes.empty') }) : quizTable(quizzes),
  );
}

function quizTable(quizzes) {
  return table(
    t('quizzes.listCaption'),
    [
      t('quizzes.columns.title'),
      t('quizzes.columns.status'),
      t('quizzes.columns.opens'),
      t('quizzes.columns.closes'),
      t('quizzes.columns.participants'),
      t('quizzes.columns.results'),
    ],
    quizzes.map((quiz) => {
      const id = encodeURIComponent(quiz.id);
      return [
        el('a', { href: `#/quizzes/${id}`, text: titleOf(quiz) }),
        el('span', { class: `quiz__status quiz__status--${statusOf(quiz)}`, text: statusText(quiz) }),
        timeNode(quiz.opensAt),
        timeNode(quiz.closesAt),
        String(quiz.participants ?? 0),
        quiz.state === 'draft'
          ? el('span', { class: 'muted', text: t('quizzes.noResults') })
          : el('a', {
              href: `#/quizzes/${id}/results`,
              text: t('quizzes.resultsLink'),
              'aria-label': t('quizzes.resultsOf', { title: titleOf(quiz) }),
            }),
      ];
    }),
  );
}
