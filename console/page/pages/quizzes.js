// The quizzes section: #/quizzes lists them, #/quizzes/new and
// #/quizzes/<id> are the editor, #/quizzes/<id>/results how one went.
import * as quizEditor from './quizEditor.js';
import * as quizList from './quizList.js';
import * as quizResults from './quizResults.js';

export function render(context, path) {
  const [, id, view] = path.split('/');
  if (!id) return quizList.render(context);
  if (id === 'new') return quizEditor.render(context, null);
  if (view === 'results') return quizResults.render(context, decodeURIComponent(id));
  return quizEditor.render(context, decodeURIComponent(id));
}
