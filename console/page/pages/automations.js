// The automatic messages section: #/automations lists every one, the
// built-in birthday greeting and expiry reminder among them;
// #/automations/<kind> writes one and shows its figures.
import * as automationEditor from './automationEditor.js';
import * as automationList from './automationList.js';
import { AUTOMATIONS } from './automationWords.js';

export function render(context, path) {
  const [, kind] = path.split('/');
  if (kind && AUTOMATIONS.includes(kind)) return automationEditor.render(context, kind);
  return automationList.render(context);
}
