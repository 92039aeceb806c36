// One automatic message: when it goes out and whether it is on, its editor
// (the campaign editor's parts, beside the same live preview), and what it
// has sent and whether it worked, over every time it ran. Save sends the
// form to PUT /api/v1/automations/{kind}; the API judges every value and its
// problems are shown at the fields they name.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { t } from '../i18n.js';
import { tieToPreview } from './previewedForm.js';
import { progressPanel } from './campaignProgress.js';
import { markCampaignProblems, refusal } from './campaignProblems.js';
import { resultsPanel } from './campaignResults.js';
import { automationForm } from './automationForm.js';
import { automationName, stateOf, stateText, whenText } from './automationWords.js';

export async function render(context, kind) {
  const root = el('section', { class: 'automation' });
  const page = { context, root, kind };
  page.redraw = async (after = {}) => root.replaceChildren(...(await contents(page, after)).filter(Boolean));
  await page.redraw();
  return root;
}

async function contents(page, after) {
  const [{ automations }, quizzes, rules] = await Promise.all([
    api('GET', '/automations'),
    api('GET', '/quizzes').then((body) => body.quizzes.filter((quiz) => quiz.state !== 'closed')),
    api('GET', '/program'),
  ]);
  const automation = automations.find((one) => one.kind === page.kind);
  if (!automation) return [backLink(), heading(t('automations.heading')), notice(t('automations.notFound'), 'error')];
  const editor = editorFor(page, automation, quizzes);
  const stats = automation.saved ? await api('GET', `/automations/${automation.kind}/stats`) : null;
  return [
    backLink(),
    heading(automationName(automation.kind)),
    el(
      'p',
      { class: 'campaign__facts' },
      `${whenText(automation.kind, automation.days)} ${t('automations.editor.stateIs', { state: stateText(stateOf(automation)) })}`,
    ),
    after.done ? doneNotice(after.done) : null,
    el('div', { class: 'split campaign__layout' }, editorForm(editor), editor.preview.node),
    ...figures(stats, rules.currency),
  ];
}

/** The form and its preview, tied as in the campaign editor. */
function editorFor(page, automation, quizzes) {
  const editor = { page, automation, found: [] };
  return tieToPreview(editor, {
    form: automationForm({ automation, quizzes, onChange: () => editor.preview.soon() }),
    markAll,
    previewed: PREVIEWED,
    failed: page.context.failed,
  });
}

/** What the preview checks: the fields its findings may name. */
const PREVIEWED = ['/messages', '/buttons', '/imageUrl', '/category'];

/**
 * The numbers this form adds (win-back's days) and those it checks itself
 * are worded as bounds; every other problem as the campaign editor words it.
 */
function markAll(errors, places, found) {
  const bounded = (problem) => problem.reason === 'between' || problem.pointer === '/days';
  const own = errors.filter(bounded);
  for (const place of places.values()) place.mark(null);
  for (const problem of own) places.get(problem.pointer)?.mark(boundsText(problem));
  const rest = markCampaignProblems(
    errors.filter((problem) => !bounded(problem)),
    new Map([...places].filter(([pointer]) => !own.some((problem) => problem.pointer === pointer))),
    found,
  );
  const first = own.length > 0 ? places.get(own[0].pointer) : rest.first;
  return { unplaced: rest.unplaced, first };
}

function boundsText(problem) {
  const bounds = problem.reason === 'between' ? problem : { min: 7, max: 365 };
  return t('automations.editor.between', { min: bounds.min, max: bounds.max });
}

function editorForm(editor) {
  const message = el('div', { class: 'form__message' });
  const button = el('button', { type: 'submit', class: 'primary', text: t('automations.editor.save') });
  const node = el(
    'form',
    { class: 'campaign__editor', novalidate: true, 'aria-label': t('automations.editor.formLabel') },
    editor.form.node,
    message,
    el('p', { class: 'field__help', text: t('automations.editor.saveNote') }),
    el('div', { class: 'actions' }, button),
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await save(editor, message);
    } finally {
      button.disabled = false;
    }
  });
  return node;
}

async function save(editor, message) {
  const { page, form } = editor;
  message.replaceChildren();
  editor.mark(editor.found);
  const local = form.check();
  if (local.length > 0) {
    editor.mark(local).first?.focus();
    return message.replaceChildren(notice(t('errors.fields'), 'error'));
  }
  try {
    const saved = await api('PUT', `/automations/${page.kind}`, form.read());
    await page.redraw({ done: saved.enabled ? 'on' : 'off' });
    // Focused, so a screen reader says what was done, on the page drawn anew.
    page.root.querySelector('.campaign__done')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
    message.replaceChildren(refusal(error, { mark: editor.mark, found: editor.found }));
  }
}

/** What it has sent and whether it worked; nothing until it was first saved. */
function figures(stats, currency) {
  if (!stats) return [el('p', { class: 'muted', text: t('automations.editor.noFigures') })];
  return [progressPanel(stats).node, resultsPanel(stats, currency).node];
}

function doneNotice(done) {
  const node = notice(t(`automations.editor.done.${done}`));
  node.classList.add('campaign__done');
  node.tabIndex = -1;
  return node;
}

function backLink() {
  return el('p', {}, el('a', { href: '#/automations', text: t('automations.back') }));
}
