// How a quiz went: how many played and finished, the points given, the
// scores as a chart with its table, each question's share answered
// correctly and average time (the hardest marked), and the leaderboard with
// short names, downloadable as CSV. An open quiz can be closed from here.
import { api, ApiError, download } from '../api.js';
import { chartFigure } from '../chart.js';
import { el, heading, notice, saveFile, table } from '../dom.js';
import { t } from '../i18n.js';
import { closePanel } from './quizClose.js';
import { percentText, pointsText, secondsText, statusText, textIn, timeNode, titleOf } from './quizWords.js';

export async function render(context, id) {
  const root = el('section', { class: 'quiz-results' });
  const page = { context, id, root, path: `/quizzes/${encodeURIComponent(id)}` };
  page.redraw = async (after = {}) => {
    root.replaceChildren(...(await contents(page, after)).filter(Boolean));
  };
  await page.redraw();
  return root;
}

async function contents(page, after) {
  let quiz;
  let results;
  try {
    [quiz, results] = await Promise.all([api('GET', page.path), api('GET', `${page.path}/results`)]);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return [backLinks(null), heading(t('quizzes.heading')), notice(t('quizzes.refused.quiz-not-found'), 'error')];
  }
  return [
    backLinks(quiz),
    heading(t('quizzes.results.heading', { title: titleOf(quiz) })),
    el(
      'p',
      { class: 'quiz__facts' },
      t('quizzes.statusIs', { status: statusText(quiz) }),
      ' · ',
      timeNode(quiz.opensAt),
      ' – ',
      timeNode(quiz.closesAt),
    ),
    after.closed ? notice(t('quizzes.close.done')) : null,
    summary(results),
    distribution(results),
    questionFigures(quiz, results),
    leaderboard(page, results),
    quiz.state === 'published' ? closePanel(page) : null,
  ];
}

function backLinks(quiz) {
  const all = el('a', { href: '#/quizzes', text: t('quizzes.back') });
  if (!quiz) return el('p', {}, all);
  return el(
    'p',
    {},
    all,
    ' · ',
    el('a', { href: `#/quizzes/${encodeURIComponent(quiz.id)}`, text: t('quizzes.results.toQuiz') }),
  );
}

function summary(results) {
  const rows = [
    [t('quizzes.results.participants'), String(results.participants)],
    [t('quizzes.results.completed'), String(results.completed)],
    [t('quizzes.results.completionRate'), percentText(results.completionRate)],
    [t('quizzes.results.pointsAwarded'), pointsText(results.pointsAwarded)],
  ];
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('quizzes.results.participation') }),
    el('p', {
      class: 'quiz__headline',
      text: t('quizzes.results.headline', { count: results.participants, completed: results.completed }),
    }),
    table(t('quizzes.results.summary'), [t('quizzes.results.figure'), t('quizzes.results.value')], rows),
    el('p', { class: 'field__help', text: t('quizzes.results.how') }),
  );
}

function distribution(results) {
  const scores = results.scoreDistribution;
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('quizzes.results.distribution') }),
    chartFigure({
      caption: t('quizzes.results.distributionCaption'),
      option: {
        grid: { left: 36, right: 8, top: 12, bottom: 28 },
        xAxis: { type: 'category', data: scores.map((line) => String(line.score)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: scores.map((line) => line.members), itemStyle: { color: '#2f6f8f' } }],
      },
      head: [t('quizzes.results.score'), t('quizzes.results.members')],
      rows: scores.map((line) => [String(line.score), String(line.members)]),
      height: 200,
    }),
  );
}

function questionFigures(quiz, results) {
  const hardest = hardestOf(results.questions);
  const figures = table(
    t('quizzes.results.questions'),
    [
      t('quizzes.results.question'),
      t('quizzes.results.answers'),
      t('quizzes.results.correctShare'),
      t('quizzes.results.averageTime'),
    ],
    results.questions.map((line) => [
      questionCell(quiz, line.index, line.index === hardest),
      String(line.answered),
      line.answered === 0 ? '—' : percentText(line.correctShare),
      line.averageSeconds === null ? '—' : secondsText(line.averageSeconds),
    ]),
  );
  if (hardest !== null) figures.querySelectorAll('tbody tr')[hardest].classList.add('quiz__hardest');
  const line =
    hardest === null
      ? t('quizzes.results.noAnswers')
      : t('quizzes.results.hardestIs', {
          number: hardest + 1,
          share: percentText(results.questions[hardest].correctShare),
        });
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('quizzes.results.questions') }),
    el('p', { text: line }),
    figures,
  );
}

function questionCell(quiz, index, hardest) {
  const text = t('quizzes.results.questionLine', { number: index + 1, text: textIn(quiz.questions[index]?.text) });
  return el(
    'span',
    {},
    text,
    hardest ? ' ' : null,
    hardest ? el('strong', { class: 'quiz__badge', text: t('quizzes.results.hardest') }) : null,
  );
}

/** The question fewest answered correctly; of equals, the one that took longest. Null before any answer. */
export function hardestOf(questions) {
  const answered = questions.filter((line) => line.answered > 0);
  if (answered.length === 0) return null;
  const sorted = [...answered].sort(
    (a, b) => a.correctShare - b.correctShare || (b.averageSeconds ?? 0) - (a.averageSeconds ?? 0),
  );
  return sorted[0].index;
}

function leaderboard(page, results) {
  const lines = results.leaderboard;
  const head = ['rank', 'name', 'score', 'points', 'time'].map((key) => t(`quizzes.results.${key}`));
  const rows = lines.map((line) => [
    String(line.rank),
    line.name,
    String(line.score),
    pointsText(line.points),
    secondsText(line.seconds),
  ]);
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('quizzes.results.leaderboard') }),
    lines.length === 0
      ? el('p', { class: 'muted', text: t('quizzes.results.nobodyFinished') })
      : table(t('quizzes.results.leaderboard'), head, rows),
    el('p', { class: 'field__help', text: t('quizzes.results.leaderboardHelp') }),
    ...csvDownload(page),
  );
}

/** The leaderboard as the API writes it in CSV (escaped there, for every spreadsheet), saved as a file. */
function csvDownload(page) {
  const status = el('div', { role: 'status' });
  const button = el('button', { type: 'button', text: t('quizzes.results.csv') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const file = await download(`${page.path}/results.csv`);
      saveFile(file);
      status.replaceChildren(notice(t('quizzes.results.csvDone', { file: file.name })));
    } catch (error) {
      await page.context.failed(error);
    } finally {
      button.disabled = false;
    }
  });
  return [el('div', { class: 'actions' }, button), status];
}
