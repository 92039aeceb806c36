// The person's rights over their data, for those allowed to act on them: a
// copy of everything as a JSON file, and erasure. Erasure cannot be undone,
// so its button stays disabled until the card number is typed again (the
// API compares it once more); afterwards the page shows the member erased.
import { api, ApiError, download } from '../api.js';
import { el, field, notice, saveFile } from '../dom.js';
import { t } from '../i18n.js';
import { cardText } from './memberWords.js';

export function privacyPanels(page, profile) {
  return [exportPanel(page), erasePanel(page, profile.member)];
}

function exportPanel(page) {
  const result = el('div', { role: 'status', 'aria-live': 'polite' });
  const button = el('button', {
    type: 'button',
    text: t('members.export.button'),
    onclick: async () => {
      button.disabled = true;
      try {
        const file = await download(`/members/${encodeURIComponent(page.id)}/export`);
        saveFile(file);
        result.replaceChildren(notice(t('members.export.done', { file: file.name })));
      } catch (error) {
        await page.context.failed(error);
      } finally {
        button.disabled = false;
      }
    },
  });
  return el(
    'section',
    { class: 'panel' },
    el('h2', { text: t('members.export.heading') }),
    el('p', { class: 'muted', text: t('members.export.intro') }),
    button,
    result,
  );
}

function erasePanel(page, member) {
  const typed = field(t('members.erase.confirm', { card: cardText(member.cardNumber) }), {
    name: 'confirmCardNumber',
    inputmode: 'numeric',
    autocomplete: 'off',
  });
  const button = el('button', { type: 'submit', class: 'danger', text: t('members.erase.button'), disabled: true });
  const matches = () => typed.input.value.replaceAll(' ', '') === member.cardNumber;
  typed.input.addEventListener('input', () => {
    button.disabled = !matches();
  });
  const form = el('form', { class: 'member__erase', novalidate: true }, typed.wrapper, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!matches()) return;
    button.disabled = true;
    try {
      const erased = await api('POST', `/members/${encodeURIComponent(page.id)}/erase`, {
        confirmCardNumber: typed.input.value,
      });
      await page.redraw({ erased });
    } catch (error) {
      // Erased meanwhile from another page: show it as it is now.
      if (error instanceof ApiError && error.status === 410) return page.redraw({});
      if (!(error instanceof ApiError) || error.status !== 422) return page.context.failed(error);
      typed.error(t('members.erase.mismatch'));
      typed.input.focus();
    } finally {
      button.disabled = !matches();
    }
  });
  return el(
    'section',
    { class: 'panel danger-zone' },
    el('h2', { text: t('members.erase.heading') }),
    el('p', { text: t('members.erase.intro') }),
    el('p', { class: 'danger-zone__warning', text: t('members.erase.warning') }),
    form,
  );
}
