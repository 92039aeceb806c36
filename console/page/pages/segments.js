// Saved segments, the audiences campaigns are sent to: the list at
// #/segments, the editor of a new one at #/segments/new and of a saved one
// at #/segments/<id>. A segment's ids are UUIDs, so "new" names no segment.
import * as segmentEditor from './segmentEditor.js';
import * as segmentList from './segmentList.js';

export async function render(context, path) {
  const id = path.split('/')[1];
  if (!id) return segmentList.render(context);
  return segmentEditor.render(context, id === 'new' ? null : decodeURIComponent(id));
}
