// The contests section: #/contests holds the moderation queue (for those
// who moderate) and the list of contests (for those who read reports);
// #/contests/new makes one (for marketers); #/contests/<id> is one contest's standings, which members cannot see
// until voting closes.
import * as contestForm from './contestForm.js';
import * as contestOverview from './contestOverview.js';
import * as contestStandings from './contestStandings.js';

export function render(context, path) {
  const [, id] = path.split('/');
  if (!id) return contestOverview.render(context);
  if (id === 'new') return contestForm.render(context);
  return contestStandings.render(context, decodeURIComponent(id));
}
