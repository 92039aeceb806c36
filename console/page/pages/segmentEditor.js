// A segment's editor: its name, its filters, and beside them who they match
// now, counted as the marketer edits. Saving sends the name and filters to
// POST (new) or PUT (saved) /api/v1/segments; the API judges every value and
// its problems are shown at the fields they name (a 422 names a contest or
// draw that no longer exists).
import { api, ApiError } from '../api.js';
import { el, field, heading, notice, refusedNotice } from '../dom.js';
import { t } from '../i18n.js';
import { filterForm } from './segmentFilterForm.js';
import { previewPanel } from './segmentPreview.js';
import { problemText } from './segmentWords.js';

export async function render(context, id) {
  const [rules, quizzes, contests, draws, segment] = await Promise.all([
    api('GET', '/program'),
    api('GET', '/quizzes').then((body) => body.quizzes),
    api('GET', '/contests').then((body) => body.contests),
    api('GET', '/draws').then((body) => body.draws),
    id ? savedSegment(id) : null,
  ]);
  if (id && !segment) return [backLink(), heading(t('segments.editHeading')), notice(t('segments.gone'), 'error')];
  const filters = filterForm({
    tiers: rules.tiers.map((tier) => tier.code),
    currency: rules.currency,
    quizzes,
    contests,
    draws,
    filters: segment?.filters ?? {},
  });
  const preview = previewPanel({
    filters: () => filters.document(),
    onProblems: (errors) => filters.mark(errors),
    linkMembers: context.session.permissions.includes('members'),
    failed: context.failed,
  });
  filters.node.addEventListener('input', preview.soon);
  filters.node.addEventListener('change', preview.soon);
  preview.now();
  return [
    backLink(),
    heading(segment ? t('segments.editNamed', { name: segment.name }) : t('segments.newHeading')),
    el('p', { text: t('segments.editorIntro') }),
    el('div', { class: 'split segment__layout' }, editorForm(context, segment, filters), preview.node),
  ];
}

async function savedSegment(id) {
  try {
    return await api('GET', `/segments/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function editorForm(context, segment, filters) {
  const name = field(t('segments.name'), { name: 'name', required: true, maxlength: '80', autocomplete: 'off' });
  name.input.value = segment?.name ?? '';
  const message = el('div', { class: 'form__message' });
  const save = el('button', { type: 'submit', class: 'primary', text: t('segments.save') });
  const node = el(
    'form',
    { class: 'segment__form', novalidate: true, 'aria-label': t('segments.formLabel') },
    el('div', { class: 'panel' }, name.wrapper),
    filters.node,
    message,
    save,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    await saveSegment({ segment, name, filters, message }).catch(context.failed);
    save.disabled = false;
  });
  return node;
}

async function saveSegment({ segment, name, filters, message }) {
  message.replaceChildren();
  name.error(null);
  const document = filters.document();
  if (name.input.value.trim() === '') name.error(t('errors.required'));
  if (name.input.value.trim() === '' || document === null) {
    message.replaceChildren(notice(t('errors.fields'), 'error'));
    return (name.input.value.trim() === '' ? name.input : filters.node.querySelector('[aria-invalid]'))?.focus();
  }
  const body = { name: name.input.value.trim(), filters: document };
  try {
    const saved = segment
      ? await api('PUT', `/segments/${encodeURIComponent(segment.id)}`, body)
      : await api('POST', '/segments', body);
    location.hash = `#/segments?saved=${encodeURIComponent(saved.id)}`;
  } catch (error) {
    if (!(error instanceof ApiError) || ![400, 404, 409, 422].includes(error.status)) throw error;
    message.replaceChildren(refusal(error, { name, filters }));
  }
}

/** Why nothing was saved, with the fields marked where they are; one no field shows is listed. */
function refusal(error, { name, filters }) {
  if (error.status === 409) {
    name.error(t('segments.nameTaken'));
    name.input.focus();
    return notice(t('segments.notSaved'), 'error');
  }
  if (error.status === 404) return notice(t('segments.gone'), 'error');
  const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
  const onName = errors.find((problem) => problem.pointer === '/name');
  if (onName) name.error(problemText(onName, { key: 'name' }));
  const { unplaced, first } = filters.mark(errors.filter((problem) => problem.pointer !== '/name'));
  (onName ? name.input : first)?.focus();
  return refusedNotice(t('segments.notSaved'), unplaced, (problem) => problemText(problem));
}

function backLink() {
  return el('p', {}, el('a', { href: '#/segments', text: t('segments.back') }));
}
