// What can be done to a campaign from its report, as its status allows:
// pause a sending one, resume a paused one, cancel any that has not ended.
// Cancelling cannot be undone, so it asks once more, in words that say what
// happens to the messages not yet sent.
import { api, ApiError } from '../api.js';
import { el, notice } from '../dom.js';
import { t } from '../i18n.js';
import { COMMANDS_BY_STATUS, EDITABLE } from './campaignWords.js';

/** The panel of commands, or null for a campaign that has ended. */
export function controlsPanel(page, campaign) {
  // An automatic message is switched on and off as such; the one-off commands would be refused.
  if (campaign.segmentId === null) return null;
  const commands = COMMANDS_BY_STATUS[campaign.status] ?? [];
  const editable = EDITABLE.includes(campaign.status);
  if (commands.length === 0 && !editable) return null;
  const message = el('div', { class: 'form__message' });
  const run = (command, button) => send(page, command, button, message);
  const plain = commands
    .filter((command) => command !== 'cancel')
    .map((command) => {
      const button = el('button', { type: 'button', class: 'primary', text: t(`campaigns.report.actions.${command}`) });
      button.addEventListener('click', () => run(command, button));
      return button;
    });
  const edit = editable
    ? el('a', {
        class: 'button',
        href: `#/campaigns/${encodeURIComponent(campaign.id)}/edit`,
        text: t('campaigns.report.edit'),
      })
    : null;
  const cancel = commands.includes('cancel') ? cancelControls(run) : null;
  return el(
    'section',
    { class: 'panel campaign__controls', 'aria-label': t('campaigns.report.controls') },
    el('div', { class: 'actions' }, edit, ...plain, cancel?.start),
    cancel?.asking,
    message,
  );
}

function cancelControls(run) {
  const start = el('button', { type: 'button', class: 'danger', text: t('campaigns.report.cancel.button') });
  const confirm = el('button', { type: 'button', class: 'danger', text: t('campaigns.report.cancel.confirm') });
  const keep = el('button', { type: 'button', text: t('campaigns.report.cancel.keep') });
  const asking = el(
    'div',
    { class: 'campaign__confirm', hidden: true },
    el('p', { text: t('campaigns.report.cancel.warning') }),
    el('div', { class: 'actions' }, confirm, keep),
  );
  const ask = (asked) => {
    asking.hidden = !asked;
    start.hidden = asked;
    (asked ? keep : start).focus();
  };
  start.addEventListener('click', () => ask(true));
  keep.addEventListener('click', () => ask(false));
  confirm.addEventListener('click', () => run('cancel', confirm));
  return { start, asking };
}

async function send(page, command, button, message) {
  button.disabled = true;
  message.replaceChildren();
  try {
    await api('POST', `${page.path}/${command}`);
    await page.redraw({ done: command });
    page.root.querySelector('.campaign__done')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
    // Someone else moved it first (or it ended meanwhile): the page shows where it stands now.
    if (error instanceof ApiError && error.status === 409) return page.redraw({ refused: command });
    const key = error instanceof ApiError && error.status === 403 ? 'errors.forbidden' : 'errors.generic';
    message.replaceChildren(
      notice(t(error instanceof ApiError && error.status === 0 ? 'errors.network' : key), 'error'),
    );
  } finally {
    button.disabled = false;
  }
}
