// The on/off switch of one automatic message: PUT /api/v1/automations/{kind}
// with what is saved and `enabled` turned over, so switching changes nothing
// else. One never written has no text to send, so it cannot be switched on.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { automationName } from './automationWords.js';

/** A switch (a button with role "switch") for `automation`; `onSwitched(saved)` after the API kept it. */
export function automationSwitch(automation, { onSwitched, onFailed }) {
  const button = el('button', {
    type: 'button',
    role: 'switch',
    class: 'automation__switch',
    'aria-checked': String(automation.enabled),
    'aria-label': t('automations.list.switchLabel', { name: automationName(automation.kind) }),
    disabled: !automation.saved,
    text: t(automation.enabled ? 'automations.state.on' : 'automations.state.off'),
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      onSwitched(await api('PUT', `/automations/${automation.kind}`, switched(automation, !automation.enabled)));
    } catch (error) {
      button.disabled = false;
      onFailed(error);
    }
  });
  return button;
}

/** The automation as PUT takes it, with `enabled` set. */
export function switched(automation, enabled) {
  const { category, messages, buttons, imageUrl, holdoutPercent, resultDays, days } = automation;
  return {
    enabled,
    category,
    messages,
    buttons,
    imageUrl,
    holdoutPercent,
    resultDays,
    ...(automation.kind === 'win-back' && { days }),
  };
}
