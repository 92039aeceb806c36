import { api } from '../api.js';
import { el, form, heading } from '../dom.js';
import { t } from '../i18n.js';

export function render(context) {
  return el(
    'section',
    { class: 'narrow' },
    heading(t('signIn.heading')),
    form({
      fields: [
        {
          name: 'email',
          label: t('signIn.email'),
          attributes: { type: 'email', autocomplete: 'username', required: true },
        },
        {
          name: 'password',
          label: t('signIn.password'),
          attributes: { type: 'password', autocomplete: 'current-password', required: true },
        },
      ],
      submitLabel: t('signIn.submit'),
      submit: async (values) => context.signedIn(await api('POST', '/session', values)),
      messageFor: (error) => {
        if (error.status === 401) return t('signIn.refused');
        if (error.status === 429) return t('signIn.wait', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
        if (error.status === 400) return t('errors.fields');
        return error.status === 0 ? t('errors.network') : t('errors.generic');
      },
    }),
  );
}
