// "Create a segment for these members": saves a segment whose filter is a
// report's row (a stage, a quadrant, an RFM segment), then opens it in the
// segment editor, so a campaign can be sent to exactly them.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

/** The button, or nothing for a role that may not make segments (`campaigns`). */
export function segmentButton(context, name, filters) {
  if (!context.session.permissions.includes('campaigns')) return null;
  const button = el('button', {
    type: 'button',
    class: 'link',
    text: t('scores.segmentLink'),
    'aria-label': t('scores.segmentLinkFor', { name }),
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      // The moment in the name keeps it unique, so a second click makes a second segment rather than a refusal.
      const day = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const segment = await api('POST', '/segments', { name: t('scores.segmentName', { name, day }), filters });
      location.hash = `#/segments/${segment.id}`;
    } catch (error) {
      button.disabled = false;
      await context.failed(error);
    }
  });
  return button;
}
