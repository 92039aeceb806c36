// A quiz's page: the editor for a new quiz or a draft (Save draft,
// Publish), for a published quiz nobody has played yet (Save changes), and
// for one members have played, whose questions and scoring stay as they
// were (those who played would be treated unfairly otherwise; its texts and
// dates can still change, as the API allows). A closed quiz is only shown.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { t } from '../i18n.js';
import { quizForm } from './quizForm.js';
import { refusalNotice } from './quizProblems.js';
import { statusText, titleOf } from './quizWords.js';

/** `id` is null for a new quiz. */
export async function render(context, id) {
  const root = el('section', { class: 'quiz' });
  const page = { context, root };
  page.redraw = async (quizId, after = {}) => {
    root.replaceChildren(...(await contents(page, quizId, after)).filter(Boolean));
  };
  await page.redraw(id);
  return root;
}

async function contents(page, id, after) {
  if (id === null) return editor(page, null, { mode: 'new', players: 0 });
  let quiz;
  try {
    quiz = await api('GET', `/quizzes/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return [backLink(), heading(t('quizzes.heading')), notice(t('quizzes.refused.quiz-not-found'), 'error')];
  }
  const players =
    quiz.state === 'draft' ? 0 : (await api('GET', `/quizzes/${encodeURIComponent(id)}/results`)).participants;
  return editor(page, quiz, { mode: modeOf(quiz, players), players, after });
}

function modeOf(quiz, players) {
  if (quiz.state === 'closed') return 'closed';
  if (quiz.state === 'draft') return 'draft';
  return players > 0 ? 'played' : 'published';
}

function editor(page, quiz, { mode, players, after = {} }) {
  const form = quizForm(quiz);
  if (mode === 'played') form.lockScoring();
  if (mode === 'closed') form.lockAll();
  const message = el('div', { class: 'form__message' });
  const node = el('form', { class: 'quiz__editor', novalidate: true }, form.node, message, buttons(mode));
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = event.submitter?.value ?? 'save';
    await save(page, { quiz, form, message, node, action, mode });
  });
  return [
    backLink(),
    heading(quiz ? titleOf(quiz) : t('quizzes.editor.newHeading')),
    quiz ? facts(quiz) : null,
    after.done ? doneNotice(after.done) : null,
    modeNote(mode, players),
    node,
  ];
}

function doneNotice(action) {
  const node = notice(t(`quizzes.editor.done.${action}`));
  node.classList.add('quiz__done');
  node.tabIndex = -1;
  return node;
}

function buttons(mode) {
  const button = (action, primary) =>
    el('button', {
      type: 'submit',
      name: 'action',
      value: action,
      class: primary ? 'primary' : undefined,
      text: t(`quizzes.editor.actions.${action}`),
    });
  if (mode === 'new' || mode === 'draft')
    return el('div', { class: 'actions' }, button('draft', false), button('publish', true));
  if (mode === 'closed') return null;
  return el('div', { class: 'actions' }, button('save', true));
}

function modeNote(mode, players) {
  if (mode === 'played') return notice(t('quizzes.editor.played', { count: players }));
  if (mode === 'closed') return notice(t('quizzes.editor.closed'));
  if (mode === 'published') return notice(t('quizzes.editor.publishedNote'));
  return null;
}

function facts(quiz) {
  const links =
    quiz.state === 'draft'
      ? null
      : el('a', { href: `#/quizzes/${encodeURIComponent(quiz.id)}/results`, text: t('quizzes.resultsLink') });
  return el(
    'p',
    { class: 'quiz__facts' },
    t('quizzes.statusIs', { status: statusText(quiz) }),
    links ? ' · ' : null,
    links,
  );
}

/** Saves (and publishes) what the form holds; the page is drawn again from what the API kept. */
async function save(page, { quiz, form, message, node, action, mode }) {
  form.mark([]);
  message.replaceChildren();
  const pressed = [...node.querySelectorAll('button[type="submit"]')];
  pressed.forEach((button) => (button.disabled = true));
  try {
    const saved = await send(quiz, mode === 'played' ? withScoringOf(quiz, form.read()) : form.read(), action);
    history.replaceState(null, '', `#/quizzes/${encodeURIComponent(saved.id)}`);
    await page.redraw(saved.id, { done: action });
    // Focused, so a screen reader says what was done, on the page drawn anew.
    page.root.querySelector('.quiz__done')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
    message.replaceChildren(refusalNotice(form, error));
  } finally {
    pressed.forEach((button) => (button.disabled = false));
  }
}

async function send(quiz, body, action) {
  if (!quiz) return api('POST', '/quizzes', { ...body, published: action === 'publish' });
  const path = `/quizzes/${encodeURIComponent(quiz.id)}`;
  const saved = await api('PUT', path, body);
  return action === 'publish' ? api('POST', `${path}/publish`) : saved;
}

/** The texts and dates as edited, the questions and scoring exactly as the API keeps them. */
function withScoringOf(quiz, body) {
  const { questions, pointsPerCorrect, perfectBonus, secondsPerQuestion } = quiz;
  return { ...body, questions, pointsPerCorrect, perfectBonus, secondsPerQuestion };
}

function backLink() {
  return el('p', {}, el('a', { href: '#/quizzes', text: t('quizzes.back') }));
}
