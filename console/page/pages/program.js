// The programme rules editor: a form for every rule (the schema of
// PUT /api/v1/program), a live preview of a purchase under the rules being
// edited, and the raw JSON for those who prefer it. The API judges every
// value; its problems are shown at the fields they name.
import { api, ApiError } from '../api.js';
import { el, heading, notice, refusedNotice } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from './programFields.js';
import { rulesForm } from './programForm.js';
import { previewPanel } from './programPreview.js';

export async function render() {
  const rules = await api('GET', '/program');
  const message = el('div', { class: 'form__message' });
  let preview;
  const form = rulesForm(rules, () => preview?.refresh());
  preview = previewPanel({ rules: () => form.document(), onProblems: (errors) => form.mark(errors) });
  const save = el('button', { type: 'submit', class: 'primary', text: t('program.save') });
  const editor = el('form', { class: 'rules__form', novalidate: true }, form.node, message, save);
  editor.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    await saveRules(form, message);
    save.disabled = false;
    preview.now();
  });
  return el(
    'section',
    {},
    heading(t('program.heading')),
    el('p', { text: t('program.intro') }),
    el('div', { class: 'split' }, el('div', {}, editor, advanced(form, preview)), preview.node),
  );
}

async function saveRules(form, message) {
  message.replaceChildren();
  try {
    const saved = await api('PUT', '/program', form.document());
    form.fill(saved);
    form.mark([]);
    message.replaceChildren(notice(t('program.saved')));
  } catch (error) {
    message.replaceChildren(refused(form, error));
  }
}

/** Why nothing was saved: the fields marked where they are, and any the form has no input for, listed. */
function refused(form, error) {
  if (!(error instanceof ApiError) || error.status !== 400) {
    const key = error instanceof ApiError && error.status === 403 ? 'errors.forbidden' : 'errors.generic';
    return notice(t(error instanceof ApiError && error.status === 0 ? 'errors.network' : key), 'error');
  }
  const { unplaced, first } = form.mark(Array.isArray(error.problem.errors) ? error.problem.errors : []);
  first?.focus();
  return refusedNotice(t('program.invalid'), unplaced, (problem) => problemText(problem));
}

/** The whole document as JSON, for power users: applied to the form, then saved like any edit. */
function advanced(form, preview) {
  const area = el('textarea', {
    id: 'rules-json',
    rows: 18,
    spellcheck: 'false',
    class: 'code',
    'aria-describedby': 'rules-json-help rules-json-error',
  });
  const problem = el('p', { class: 'field__error', id: 'rules-json-error' });
  const apply = el('button', {
    type: 'button',
    text: t('program.json.apply'),
    onclick: () => {
      const parsed = parseObject(area.value);
      problem.textContent = parsed ? '' : t('program.json.invalid');
      if (parsed) area.removeAttribute('aria-invalid');
      else return area.setAttribute('aria-invalid', 'true');
      form.fill(parsed);
      preview.now();
    },
  });
  const details = el(
    'details',
    { class: 'panel rules__json' },
    el('summary', { text: t('program.json.summary') }),
    el('p', { class: 'field__help', id: 'rules-json-help', text: t('program.json.help') }),
    el('label', { for: 'rules-json', text: t('program.rules') }),
    area,
    problem,
    apply,
  );
  details.addEventListener('toggle', () => {
    if (details.open) area.value = JSON.stringify(form.document(), null, 2);
  });
  return details;
}

function parseObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
