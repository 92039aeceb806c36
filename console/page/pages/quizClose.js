// Closing a quiz by hand, before its closing time. It cannot be undone and
// it sends everyone who played the final standings, so the button asks once
// more, in words that say what will happen.
import { api, ApiError } from '../api.js';
import { el, notice } from '../dom.js';
import { t } from '../i18n.js';

export function closePanel(page) {
  const message = el('div', { class: 'form__message' });
  const start = el('button', { type: 'button', class: 'danger', text: t('quizzes.close.button') });
  const confirm = el('button', { type: 'button', class: 'danger', text: t('quizzes.close.confirm') });
  const cancel = el('button', { type: 'button', text: t('quizzes.close.cancel') });
  const asking = el(
    'div',
    { class: 'quiz__close-confirm', hidden: true },
    el('p', { text: t('quizzes.close.warning') }),
    el('div', { class: 'actions' }, confirm, cancel),
  );
  const ask = (asked) => {
    asking.hidden = !asked;
    start.hidden = asked;
    (asked ? cancel : start).focus();
  };
  start.addEventListener('click', () => ask(true));
  cancel.addEventListener('click', () => ask(false));
  confirm.addEventListener('click', () => close(page, confirm, message));
  return el(
    'section',
    { class: 'panel danger-zone' },
    el('h2', { text: t('quizzes.close.heading') }),
    el('p', { text: t('quizzes.close.intro') }),
    start,
    asking,
    message,
  );
}

async function close(page, button, message) {
  button.disabled = true;
  try {
    await api('POST', `${page.path}/close`);
    await page.redraw({ closed: true });
    page.root.querySelector('h1')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
    const key = error instanceof ApiError && error.status === 403 ? 'errors.forbidden' : 'errors.generic';
    message.replaceChildren(notice(t(key), 'error'));
  } finally {
    button.disabled = false;
  }
}
