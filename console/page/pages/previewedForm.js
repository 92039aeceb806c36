// A message form tied to its live preview, as the campaign and the automatic
// message editors both have it: every edit asks for a new preview, and the
// preview's findings are marked at the fields they name (and kept, to word
// the API's own refusal of the same text).
import { previewPanel } from './campaignPreview.js';

/**
 * Fills `editor` with `form`, `mark(errors, onlyUnder?)` and `preview`.
 * `markAll(errors, places, found)` marks problems at their places;
 * `previewed` lists the pointers the preview's findings may name.
 */
export function tieToPreview(editor, { form, markAll, previewed, failed }) {
  editor.form = form;
  editor.mark = (errors, only) => markAll(errors, placesUnder(form.places(), only), editor.found);
  editor.preview = previewPanel({
    body: form.preview,
    onFindings: (problems) => {
      editor.found = problems;
      editor.mark(problems, previewed);
    },
    failed,
  });
  form.node.addEventListener('input', editor.preview.soon);
  form.node.addEventListener('change', editor.preview.soon);
  editor.preview.now();
  return editor;
}

function placesUnder(places, prefixes) {
  if (!prefixes) return places;
  return new Map([...places].filter(([pointer]) => prefixes.some((prefix) => pointer.startsWith(prefix))));
}
