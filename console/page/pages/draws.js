// The prize draws section: #/draws lists them, #/draws/new creates one,
// #/draws/<id> shows one with its commitment, its run and its result.
import * as drawForm from './drawForm.js';
import * as drawList from './drawList.js';
import * as drawPage from './drawPage.js';

export function render(context, path) {
  const [, id] = path.split('/');
  if (!id) return drawList.render(context);
  if (id === 'new') return drawForm.render(context);
  return drawPage.render(context, decodeURIComponent(id));
}
