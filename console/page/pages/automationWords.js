// How the automatic-message pages word an automation: its name, when it
// goes out, and whether it is on, in the reader's language.
import { t } from '../i18n.js';
import { countText } from './campaignWords.js';

/** core/campaigns/automations.ts, in the order a member meets them. */
export const AUTOMATIONS = ['welcome-0', 'welcome-3', 'welcome-7', 'win-back', 'anniversary'];
/** The messages that came before campaigns, set up in the programme's rules. */
export const BUILT_IN = ['birthday', 'expiry'];
/** Win-back's bounds, as PUT /api/v1/automations/win-back takes them. */
export const WIN_BACK = { min: 7, max: 365, value: 60 };

export function automationName(kind) {
  return t(`automations.kinds.${kind}`);
}

/** When it goes out; win-back's days are its own. */
export function whenText(kind, days) {
  if (kind === 'win-back') return countText('automations.when.win-back', days ?? WIN_BACK.value);
  return t(`automations.when.${kind}`);
}

/** On, off, or not written yet (off, with no text). */
export function stateOf(automation) {
  if (!automation.saved) return 'unwritten';
  return automation.enabled ? 'on' : 'off';
}

export function stateText(state) {
  return t(`automations.state.${state}`);
}
