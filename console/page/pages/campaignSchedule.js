// When a campaign goes out: as soon as it is started, or at a date and time
// on the programme's clock. Either way the quiet hours hold messages until
// the morning, which the part says, with the hours the programme keeps.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { markAt, uniqueId } from './campaignTexts.js';
import { isoFromZone, programZone, zoneInputValue } from './campaignTime.js';

/** `sendAt` as the API keeps it (null: when started); `quietHours` the programme's `{ from, to }`. */
export function schedulePart(sendAt, quietHours) {
  const name = uniqueId('when');
  const radio = (value, checked) => {
    const input = el('input', { type: 'radio', name, value, id: `${name}-${value}` });
    input.checked = checked;
    return el(
      'div',
      { class: 'check' },
      input,
      el('label', { for: input.id, text: t(`campaigns.editor.when.${value}`) }),
    );
  };
  const now = radio('now', !sendAt);
  const later = radio('later', Boolean(sendAt));
  const id = uniqueId('send-at');
  const error = el('span', { class: 'field__error', id: `${id}-error` });
  const help = el('p', { class: 'field__help', id: `${id}-help`, text: helpText(quietHours) });
  const input = el('input', { type: 'datetime-local', id, 'aria-describedby': `${id}-help ${id}-error` });
  input.value = sendAt ? zoneInputValue(sendAt) : '';
  const at = el('div', { class: 'field' }, el('label', { for: id, text: t('campaigns.editor.when.at') }), input, error);
  const isLater = () => later.querySelector('input').checked;
  const show = () => (at.hidden = !isLater());
  for (const box of [now, later]) box.querySelector('input').addEventListener('change', show);
  show();
  const place = { focus: () => input.focus(), mark: (message) => markAt(input, error, message) };
  return {
    nodes: [now, later, at, help],
    read: () => ({ sendAt: isLater() ? isoFromZone(input.value) : null }),
    /** "At a set time" with no time would send at once: said here, before anything is sent. */
    check: () => (isLater() && !isoFromZone(input.value) ? [{ pointer: '/sendAt', reason: 'choose-a-time' }] : []),
    places: () => [['/sendAt', place]],
  };
}

function helpText(quietHours) {
  const zone = programZone();
  if (!quietHours) return t('campaigns.editor.when.zone', { zone });
  return t('campaigns.editor.when.help', { zone, from: quietHours.from, to: quietHours.to });
}
