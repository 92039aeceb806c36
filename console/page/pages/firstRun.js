import { api } from '../api.js';
import { el, form, heading, selectField } from '../dom.js';
import { language, t } from '../i18n.js';

/** Before there is an owner: the admin token printed at start-up makes the first account. */
export function render(context) {
  const languages = [
    ['ru', 'Русский'],
    ['ro', 'Română'],
    ['en', 'English'],
  ];
  const locale = el(
    'select',
    {},
    ...languages.map(([value, name]) => el('option', { value, text: name, selected: value === language() })),
  );
  const built = form({
    fields: [
      {
        name: 'adminToken',
        label: t('firstRun.adminToken'),
        attributes: { type: 'password', autocomplete: 'off', required: true },
      },
      { name: 'name', label: t('firstRun.name'), attributes: { autocomplete: 'name', required: true } },
      {
        name: 'email',
        label: t('firstRun.email'),
        attributes: { type: 'email', autocomplete: 'username', required: true },
      },
      {
        name: 'password',
        label: t('firstRun.password'),
        attributes: { type: 'password', autocomplete: 'new-password', minlength: 12, required: true },
      },
    ],
    submitLabel: t('firstRun.submit'),
    submit: async ({ adminToken, ...account }) =>
      context.signedIn(
        await api('POST', '/owner', { ...account, locale: locale.value }, { authorization: `Bearer ${adminToken}` }),
      ),
    messageFor: (error) => {
      if (error.status === 401) return t('firstRun.badToken');
      if (error.status === 409) return t('firstRun.exists');
      if (error.status === 400) return t('errors.fields');
      return t('errors.generic');
    },
  });
  const localeField = selectField(t('firstRun.locale'), locale);
  built.insertBefore(localeField, built.querySelector('.form__message'));
  return el(
    'section',
    { class: 'narrow' },
    heading(t('firstRun.heading')),
    el('p', { text: t('firstRun.intro') }),
    built,
  );
}
