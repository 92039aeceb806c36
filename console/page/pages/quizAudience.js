// Who may play a quiz: every member, or the members of a saved segment
// (GET /api/v1/segments), matched when each opens the quiz. A segment
// deleted since is kept on show, so the marketer sees why nobody plays.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

let audiences = 0;

/** The audience fieldset; `part(legendKey, children)` makes it look like the form's other parts. */
export function audiencePart(quiz, part) {
  audiences += 1;
  const id = `quiz-audience-${audiences}`;
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const help = el('p', { class: 'field__help', id: `${id}-help`, text: t('quizzes.editor.audienceHelp') });
  const select = el(
    'select',
    { id, 'aria-describedby': `${id}-help ${id}-error` },
    el('option', { value: '', text: t('quizzes.editor.audienceAll') }),
  );
  const current = quiz.segmentId ?? '';
  if (current) select.append(el('option', { value: current, text: t('quizzes.editor.audienceMissing') }));
  select.value = current;
  fill(select, current);
  const label = el('label', { for: id, text: t('quizzes.editor.audienceLabel') });
  return {
    node: part('audience', [help, el('div', { class: 'field' }, label, select, error)]),
    read: () => ({ segmentId: select.value || null }),
    controls: () => [
      [
        '/segmentId',
        {
          kind: 'audience',
          focus: () => select.focus(),
          mark: (message) => {
            error.textContent = message ?? '';
            if (message) select.setAttribute('aria-invalid', 'true');
            else select.removeAttribute('aria-invalid');
          },
        },
      ],
    ],
  };
}

/** The saved segments by name; a role that may not read them keeps "every member" and the current choice. */
async function fill(select, current) {
  let segments;
  try {
    ({ segments } = await api('GET', '/segments'));
  } catch {
    return;
  }
  const chosen = select.value;
  for (const segment of segments) {
    const existing = Array.from(select.options).find((option) => option.value === segment.id);
    if (existing) existing.textContent = segment.name;
    else select.append(el('option', { value: segment.id, text: segment.name }));
  }
  select.value = chosen || current;
}
