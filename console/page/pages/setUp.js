import { api } from '../api.js';
import { el, form, heading } from '../dom.js';
import { t } from '../i18n.js';

/** A set-up link: `#/setup/<token>`, the token never sent to the server but in this request's body. */
export function render(context, path) {
  const token = path.slice('setup/'.length);
  return el(
    'section',
    { class: 'narrow' },
    heading(t('setUp.heading')),
    el('p', { text: t('setUp.intro') }),
    form({
      fields: [
        {
          name: 'password',
          label: t('setUp.password'),
          attributes: { type: 'password', autocomplete: 'new-password', minlength: 12, required: true },
        },
      ],
      submitLabel: t('setUp.submit'),
      submit: async ({ password }) => context.signedIn(await api('POST', '/account-setup', { token, password })),
      messageFor: (error) => {
        if (error.status === 422 || (error.status === 400 && !error.fields.password)) return t('setUp.invalid');
        if (error.status === 400) return t('errors.fields');
        return t('errors.generic');
      },
    }),
  );
}
