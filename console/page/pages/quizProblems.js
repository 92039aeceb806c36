// Why the API refused a quiz, in the reader's language. A field's problem
// is worded for the kind of place it is shown at (a text counts characters,
// a list counts options); a refusal of the whole quiz (locked, closed,
// changed meanwhile) says what happened and what to do.
import { ApiError } from '../api.js';
import { el, notice } from '../dom.js';
import { language, t } from '../i18n.js';

/** Places whose bounds are counts of things, worded with the plural of the bound. */
const COUNTED = ['options', 'questions'];
const WHOLE_QUIZ = ['quiz-locked', 'quiz-closed', 'quiz-changed', 'quiz-not-found'];

/** One entry of a problem's `errors`, said for a place of `kind`. */
export function problemText(problem, kind) {
  const reason = problem.reason ?? 'invalid';
  const limit = typeof problem.limit === 'number' ? problem.limit : undefined;
  const values = { limit: limit === undefined ? '' : new Intl.NumberFormat(language()).format(limit) };
  const own = `quizzes.problems.${kind}.${reason}`;
  const counted = COUNTED.includes(kind) && limit !== undefined ? { count: limit } : {};
  const worded = t(own, { ...values, ...counted });
  if (worded !== own) return worded;
  const general = `quizzes.problems.${reason}`;
  return t(t(general) === general ? 'quizzes.problems.invalid' : general, values);
}

/**
 * Marks each problem at the nearest place the form has for its pointer
 * (`/questions/0/correct/1` is shown at the question's options); `places`
 * maps pointers to `{ kind, focus, mark }`, and `wording(problem, place)`
 * says a problem for its place (another editor words its own). Returns the
 * problems no place shows, and the first place marked.
 */
export function markProblems(errors, places, wording = (problem, place) => problemText(problem, place.kind)) {
  for (const place of places.values()) place.mark(null);
  const unplaced = [];
  const marked = [];
  for (const problem of errors) {
    const place = nearest(places, problem.pointer ?? '');
    if (!place) unplaced.push(problem);
    else if (!marked.includes(place)) {
      place.mark(wording(problem, place));
      marked.push(place);
    }
  }
  return { unplaced, first: marked[0] ?? null };
}

function nearest(places, pointer) {
  for (let path = pointer; path !== ''; path = path.slice(0, path.lastIndexOf('/'))) {
    if (places.has(path)) return places.get(path);
  }
  return null;
}

/**
 * The notice for a failed save: the fields are marked by `form.mark`, and
 * problems the form has no place for are listed in it; the whole quiz's
 * refusals are said in full.
 */
export function refusalNotice(form, error) {
  if (!(error instanceof ApiError)) return notice(t('errors.generic'), 'error');
  if (error.status === 400 && Array.isArray(error.problem.errors)) {
    const { unplaced, first } = form.mark(error.problem.errors);
    first?.focus();
    const box = notice(t('quizzes.editor.invalid'), 'error');
    if (unplaced.length > 0)
      box.append(el('ul', {}, ...unplaced.map((problem) => el('li', { text: problemText(problem, 'quiz') }))));
    return box;
  }
  const kind = String(error.problem.type ?? '').replace('/api/problems/', '');
  if (WHOLE_QUIZ.includes(kind)) return notice(t(`quizzes.refused.${kind}`), 'error');
  if (error.status === 403) return notice(t('errors.forbidden'), 'error');
  return notice(t(error.status === 0 ? 'errors.network' : 'errors.generic'), 'error');
}
