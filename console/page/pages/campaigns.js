// The campaigns section: #/campaigns lists them, #/campaigns/new and
// #/campaigns/<id>/edit are the editor (a draft or a scheduled campaign),
// #/campaigns/<id> the report of how one is going and how it did.
import * as campaignEditor from './campaignEditor.js';
import * as campaignList from './campaignList.js';
import * as campaignReport from './campaignReport.js';

export function render(context, path) {
  const [, id, view] = path.split('/');
  if (!id) return campaignList.render(context);
  if (id === 'new') return campaignEditor.render(context, null);
  if (view === 'edit') return campaignEditor.render(context, decodeURIComponent(id));
  return campaignReport.render(context, decodeURIComponent(id));
}
