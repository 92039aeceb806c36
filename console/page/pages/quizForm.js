// The quiz as a form, in the shape of POST /api/v1/quizzes: title and
// introduction in three languages, 1–20 questions, the scoring and the
// dates. `read()` is the document to send; `mark(errors)` shows the API's
// field problems at the inputs they name; the audience is every member or a
// saved segment; `lockScoring()` keeps the
// questions and scoring as they are once members have played.
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { markProblems } from './quizProblems.js';
import { audiencePart } from './quizAudience.js';
import { questionEditor } from './quizQuestion.js';
import { growingList } from './quizRows.js';
import { localizedText } from './quizTexts.js';
import { missingLanguagesPanel } from './quizWarnings.js';
import { isoFromLocal, localInputValue } from './quizWords.js';

export const QUESTIONS = { min: 1, max: 20 };
const HOUR_MS = 3_600_000;

/** The form for `quiz` (a new quiz has defaults: one question, open from the next hour for a week). */
export function quizForm(quiz) {
  const value = quiz ?? defaults();
  const questions = questionsPart(value.questions, () => warnings.refresh());
  const scoring = scoringPart(value);
  const parts = [textsPart(value), questions, scoring, datesPart(value), audiencePart(value, part)];
  // Each part gives its own fields, in the order the API documents them.
  const read = () => Object.assign({}, ...parts.map((part) => part.read()));
  const warnings = missingLanguagesPanel(read);
  const node = el('div', { class: 'quiz__form' }, ...parts.map((part) => part.node), warnings.node);
  node.addEventListener('input', () => warnings.refresh());
  warnings.refresh();
  return {
    node,
    read,
    mark: (errors) => markProblems(errors, new Map(parts.flatMap((part) => part.controls()))),
    lockScoring: () => {
      questions.node.disabled = true;
      scoring.node.disabled = true;
    },
    lockAll: () => parts.forEach((part) => (part.node.disabled = true)),
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

function part(legendKey, children, { panel = true } = {}) {
  return el(
    'fieldset',
    { class: `quiz__part${panel ? ' panel' : ''}` },
    el('legend', { text: t(`quizzes.editor.${legendKey}`) }),
    ...children,
  );
}

function textsPart(quiz) {
  const title = localizedText({ legend: t('quizzes.editor.title'), value: quiz.title, maxlength: 80 });
  const intro = localizedText({
    legend: t('quizzes.editor.intro'),
    value: quiz.intro,
    maxlength: 500,
    multiline: true,
  });
  return {
    node: part('texts', [title.node, intro.node]),
    read: () => ({ title: title.read(), ...(intro.isEmpty() ? {} : { intro: intro.read() }) }),
    controls: () => [...title.controls('/title'), ...intro.controls('/intro')],
  };
}

function questionsPart(given, onChange) {
  const list = el('div', { class: 'quiz__questions' });
  const add = el('button', { type: 'button', text: t('quizzes.editor.addQuestion') });
  const error = el('p', { class: 'field__error' });
  const make = (question, remove) => questionEditor(question, { remove, onChange });
  const editors = growingList({ list, add, max: QUESTIONS.max, onChange, make });
  editors.fill(given);
  const place = { kind: 'questions', focus: () => add.focus(), mark: (message) => (error.textContent = message ?? '') };
  return {
    node: part('questions', [list, error, add], { panel: false }),
    read: () => ({ questions: editors.items.map((editor) => editor.read()) }),
    controls: () => [
      ['/questions', place],
      ...editors.items.flatMap((editor, index) => editor.controls(`/questions/${index}`)),
    ],
  };
}

function scoringPart(quiz) {
  const number = (key, max) => {
    const made = field(t(`quizzes.editor.${key}`), { type: 'number', step: '1', inputmode: 'numeric', min: 0, max });
    made.input.value = String(quiz[key] ?? '');
    return [key, made];
  };
  const fields = [
    number('pointsPerCorrect', 100000),
    number('perfectBonus', 100000),
    number('secondsPerQuestion', 120),
  ];
  return {
    node: part(
      'scoring',
      fields.map(([, made]) => made.wrapper),
    ),
    // An empty box is sent as null, for the API to say a number is needed.
    read: () =>
      Object.fromEntries(fields.map(([key, made]) => [key, made.input.value === '' ? null : Number(made.input.value)])),
    controls: () => fields.map(([key, made]) => [`/${key}`, place('number', made)]),
  };
}

function datesPart(quiz) {
  const date = (key) => {
    const made = field(t(`quizzes.editor.${key}`), { type: 'datetime-local', required: true });
    made.input.value = quiz[key] ? localInputValue(quiz[key]) : '';
    return [key, made];
  };
  const fields = [date('opensAt'), date('closesAt')];
  const help = el('p', { class: 'field__help', text: t('quizzes.editor.datesHelp') });
  return {
    node: part('dates', [help, ...fields.map(([, made]) => made.wrapper)]),
    read: () => Object.fromEntries(fields.map(([key, made]) => [key, isoFromLocal(made.input.value)])),
    controls: () => fields.map(([key, made]) => [`/${key}`, place('date', made)]),
  };
}

function place(kind, made) {
  return { kind, focus: () => made.input.focus(), mark: (message) => made.error(message) };
}
