import { api } from '../api.js';
import { el, form, heading, notice } from '../dom.js';
import { t } from '../i18n.js';

export function render() {
  const done = el('div');
  return el(
    'section',
    { class: 'narrow' },
    heading(t('password.heading')),
    done,
    form({
      fields: [
        {
          name: 'currentPassword',
          label: t('password.current'),
          attributes: { type: 'password', autocomplete: 'current-password', required: true },
        },
        {
          name: 'newPassword',
          label: t('password.new'),
          attributes: { type: 'password', autocomplete: 'new-password', minlength: 12, required: true },
        },
      ],
      submitLabel: t('password.submit'),
      submit: async (values, node) => {
        await api('POST', '/session/password', values);
        node.reset();
        done.replaceChildren(notice(t('password.done')));
      },
      messageFor: (error) => {
        if (error.status === 422) return t('password.wrong');
        if (error.status === 400) return t('errors.fields');
        return t('errors.generic');
      },
    }),
  );
}
