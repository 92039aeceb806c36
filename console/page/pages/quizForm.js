// The quiz as a form, in the shape of POST /api/v1/quizzes: title and
// introduction in three languages, 1–20 questions, the scoring and the
// dates. `read()` is the document to send; `mark(errors)` shows the API's
// field problems at the inputs they name; `lockScoring()` keeps the
// questions and scoring as they are once members have played.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from './quizProblems.js';
import { questionEditor } from './quizQuestion.js';
import { localizedText } from './quizTexts.js';
import { missingLanguagesPanel } from './quizWarnings.js';
import { isoFromLocal, localInputValue } from './quizWords.js';

export const QUESTIONS = { min: 1, max: 20 };
const HOUR_MS = 3_600_000;

/** The form for `quiz` (a new quiz has defaults: one question, open from the next hour for a week). */
export function quizForm(quiz) {
  const value = quiz ?? defaults();
  const title = localizedText({ legend: t('quizzes.editor.title'), value: value.title, maxlength: 80 });
  const intro = localizedText({
    legend: t('quizzes.editor.intro'),
    value: value.intro,
    maxlength: 500,
    multiline: true,
  });
  const questions = questionList(value.questions, () => warnings.refresh());
  const scoring = scoringFields(value);
  const dates = dateFields(value);
  const read = () => ({
    title: title.read(),
    ...(intro.isEmpty() ? {} : { intro: intro.read() }),
    questions: questions.read(),
    ...scoring.read(),
    ...dates.read(),
  });
  const warnings = missingLanguagesPanel(read);
  const texts = el(
    'fieldset',
    { class: 'panel quiz__part' },
    el('legend', { text: t('quizzes.editor.texts') }),
    title.node,
    intro.node,
  );
  const node = el('div', { class: 'quiz__form' }, texts, questions.node, scoring.node, dates.node, warnings.node);
  node.addEventListener('input', () => warnings.refresh());
  warnings.refresh();
  const controls = () =>
    new Map([
      ...title.controls('/title'),
      ...intro.controls('/intro'),
      ...questions.controls(),
      ...scoring.controls,
      ...dates.controls,
    ]);
  return {
    node,
    read,
    mark: (errors) => markAll(errors, controls()),
    lockScoring: () => {
      questions.node.disabled = true;
      scoring.node.disabled = true;
    },
    lockAll: () => node.querySelectorAll('fieldset.quiz__part').forEach((part) => (part.disabled = true)),
  };
}

function defaults() {
  const opens = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  return {
    title: {},
    questions: [{}],
    pointsPerCorrect: 10,
    perfectBonus: 0,
    secondsPerQuestion: 30,
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(opens + 7 * 24 * HOUR_MS).toISOString(),
  };
}

function questionList(given, onChange) {
  const editors = [];
  const list = el('div', { class: 'quiz__questions' });
  const add = el('button', { type: 'button', text: t('quizzes.editor.addQuestion') });
  const renumber = () => {
    editors.forEach((editor, index) => editor.renumber(index + 1, editors.length));
    add.hidden = editors.length >= QUESTIONS.max;
  };
  const append = (question) => {
    const editor = questionEditor(question, {
      onChange,
      onRemove: () => {
        editors.splice(editors.indexOf(editor), 1);
        editor.node.remove();
        renumber();
        editors[0].focus();
        onChange();
      },
    });
    editors.push(editor);
    list.append(editor.node);
  };
  given.forEach(append);
  add.addEventListener('click', () => {
    append({});
    renumber();
    editors.at(-1).focus();
    onChange();
  });
  renumber();
  const error = el('p', { class: 'field__error' });
  return {
    node: el(
      'fieldset',
      { class: 'quiz__part' },
      el('legend', { text: t('quizzes.editor.questions') }),
      list,
      error,
      add,
    ),
    read: () => editors.map((editor) => editor.read()),
    controls: () => [
      [
        '/questions',
        { kind: 'questions', focus: () => add.focus(), mark: (message) => (error.textContent = message ?? '') },
      ],
      ...editors.flatMap((editor, index) => editor.controls(`/questions/${index}`)),
    ],
  };
}

function scoringFields(quiz) {
  const number = (key, attributes) => {
    const made = field(t(`quizzes.editor.${key}`), { type: 'number', step: '1', inputmode: 'numeric', ...attributes });
    made.input.value = String(quiz[key] ?? '');
    return made;
  };
  const fields = {
    pointsPerCorrect: number('pointsPerCorrect', { min: 0, max: 100000 }),
    perfectBonus: number('perfectBonus', { min: 0, max: 100000 }),
    secondsPerQuestion: number('secondsPerQuestion', { min: 5, max: 120 }),
  };
  const entries = Object.entries(fields);
  return {
    node: el(
      'fieldset',
      { class: 'panel quiz__part' },
      el('legend', { text: t('quizzes.editor.scoring') }),
      ...entries.map(([, made]) => made.wrapper),
    ),
    read: () =>
      Object.fromEntries(
        entries.map(([key, made]) => [key, made.input.value === '' ? null : Number(made.input.value)]),
      ),
    controls: entries.map(([key, made]) => [`/${key}`, control('number', made)]),
  };
}

function dateFields(quiz) {
  const date = (key) => {
    const made = field(t(`quizzes.editor.${key}`), { type: 'datetime-local', required: true });
    made.input.value = quiz[key] ? localInputValue(quiz[key]) : '';
    return made;
  };
  const fields = { opensAt: date('opensAt'), closesAt: date('closesAt') };
  const entries = Object.entries(fields);
  return {
    node: el(
      'fieldset',
      { class: 'panel quiz__part' },
      el('legend', { text: t('quizzes.editor.dates') }),
      el('p', { class: 'field__help', text: t('quizzes.editor.datesHelp') }),
      ...entries.map(([, made]) => made.wrapper),
    ),
    read: () => Object.fromEntries(entries.map(([key, made]) => [key, isoFromLocal(made.input.value)])),
    controls: entries.map(([key, made]) => [`/${key}`, control('date', made)]),
  };
}

function control(kind, made) {
  return { kind, focus: () => made.input.focus(), mark: (message) => made.error(message) };
}

/**
 * Marks each problem at the nearest place the form has for its pointer
 * (`/questions/0/correct/1` is shown at the question's options); returns
 * the problems no place shows, and the first place marked.
 */
function markAll(errors, controls) {
  for (const place of controls.values()) place.mark(null);
  const unplaced = [];
  const marked = [];
  for (const problem of errors) {
    const place = nearest(controls, problem.pointer ?? '');
    if (!place) unplaced.push(problem);
    else if (!marked.includes(place)) {
      place.mark(problemText(problem, place.kind));
      marked.push(place);
    }
  }
  return { unplaced, first: marked[0] ?? null };
}

function nearest(controls, pointer) {
  for (let path = pointer; path !== ''; path = path.slice(0, path.lastIndexOf('/'))) {
    if (controls.has(path)) return controls.get(path);
  }
  return null;
}
