// Adding or taking points by hand. Each form carries one Idempotency-Key
// from the moment it is drawn, so a double click or a second submit of the
// same form records one adjustment; the page drawn after a success has a new
// form, and so a new key. The key is renewed only when the values sent
// change: the API refuses a key reused for another body, and a refusal it
// gave (too many points taken) is kept under the key. The API checks the
// fields; its problems are shown at the field they name, in the reader's
// language.
import { api, ApiError } from '../api.js';
import { el, field, notice } from '../dom.js';
import { t } from '../i18n.js';
import { pointsText } from './memberWords.js';

export function adjustPanel(page, adjusted) {
  const points = field(t('members.adjust.points'), { type: 'number', name: 'points', step: '1', inputmode: 'numeric' });
  const reason = field(t('members.adjust.reason'), { tag: 'textarea', name: 'reason', rows: '2', maxlength: '500' });
  const parts = { points, reason, message: el('div', { class: 'form__message' }) };
  const button = el('button', { type: 'submit', class: 'primary', text: t('members.adjust.submit') });
  const form = el(
    'form',
    { class: 'member__adjust', novalidate: true },
    points.wrapper,
    reason.wrapper,
    parts.message,
    button,
  );
  const send = sender(page, parts);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    await send();
    button.disabled = false;
  });
  return el(
    'section',
    { class: 'panel' },
    el('h2', { text: t('members.adjust.heading') }),
    el('p', { class: 'muted', text: t('members.adjust.intro') }),
    adjusted ? doneNotice(adjusted) : null,
    form,
  );
}

/** Sends the form's values under its key; a new key only for new values. */
function sender(page, parts) {
  const sending = { key: newKey(), body: null };
  return async () => {
    parts.points.error(null);
    parts.reason.error(null);
    parts.message.replaceChildren();
    const values = body(parts.points, parts.reason);
    if (sending.body !== null && sending.body !== JSON.stringify(values)) sending.key = newKey();
    sending.body = JSON.stringify(values);
    try {
      const entry = await api('POST', `/members/${encodeURIComponent(page.id)}/adjustments`, values, {
        'idempotency-key': sending.key,
      });
      await page.redraw({ adjusted: entry });
      page.root.querySelector('.member__adjust-done')?.focus();
    } catch (error) {
      if (!(error instanceof ApiError) || !refusal(error, parts)) await page.context.failed(error);
    }
  };
}

function doneNotice(adjusted) {
  return el('p', {
    class: 'notice notice--info member__adjust-done',
    role: 'status',
    tabindex: '-1',
    text: t('members.adjust.done', {
      delta: pointsText(adjusted.delta, { signed: true }),
      balance: pointsText(adjusted.balance),
    }),
  });
}

/** 128 random bits; crypto.randomUUID needs https, and a shop may open the console over plain http on its network. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `adjust-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** What is typed, sent as it is: an empty box is no number, and the API says so. */
function body(points, reason) {
  const typed = points.input.value.trim();
  return { points: typed === '' ? null : Number(typed), reason: reason.input.value };
}

/** Shows a refusal the reader can act on at its field; false when it is not one of those. */
function refusal(error, { points, reason, message }) {
  const type = String(error.problem.type ?? '');
  const marked = error.fields;
  if (type.endsWith('/validation')) {
    if ('points' in marked) points.error(t('members.adjust.pointsInvalid'));
    if ('reason' in marked) reason.error(t('members.adjust.reasonRequired'));
    message.replaceChildren(notice(t('errors.fields'), 'error'));
    ('points' in marked ? points : reason).input.focus();
    return true;
  }
  if (type.endsWith('/points-refused')) {
    points.error(t('members.adjust.overBalance', { balance: pointsText(Number(error.problem.balance ?? 0)) }));
    points.input.focus();
    return true;
  }
  if (type.endsWith('/member-erased')) {
    message.replaceChildren(notice(t('members.adjust.erased'), 'error'));
    return true;
  }
  if (error.status === 403) {
    message.replaceChildren(notice(t('errors.forbidden'), 'error'));
    return true;
  }
  return false;
}
