import { api } from '../api.js';
import { el, form, heading, notice, selectField, table } from '../dom.js';
import { formatTime, language, t } from '../i18n.js';

const ROLES = ['owner', 'marketer', 'support', 'viewer'];
const LOCALES = [
  ['ru', 'Русский'],
  ['ro', 'Română'],
  ['en', 'English'],
];

/** The owner's accounts: who has which role, set-up links, disabling. */
export async function render(context) {
  const list = el('div');
  const message = el('div', { role: 'status' });
  const redraw = async () => list.replaceChildren(await accountsTable(context, message, redraw));
  await redraw();
  return el('section', {}, heading(t('accounts.heading')), message, list, inviteForm(message, redraw));
}

async function accountsTable(context, message, redraw) {
  const { accounts } = await api('GET', '/accounts');
  const rows = accounts.map((account) => [
    document.createTextNode(account.name),
    document.createTextNode(account.email),
    roleControl(account, message, redraw),
    document.createTextNode(
      t(account.disabledAt ? 'accounts.disabled' : account.active ? 'accounts.active' : 'accounts.invited'),
    ),
    actions(context, account, message, redraw),
  ]);
  return el(
    'div',
    {},
    el('p', { class: 'muted', text: t('accounts.count', { count: accounts.length }) }),
    table(
      t('accounts.heading'),
      [t('accounts.name'), t('accounts.email'), t('accounts.role'), t('accounts.status'), t('accounts.actions')],
      rows,
    ),
  );
}

function roleControl(account, message, redraw) {
  const select = el(
    'select',
    { 'aria-label': `${t('accounts.role')}: ${account.name}`, disabled: Boolean(account.disabledAt) },
    ...ROLES.map((role) => el('option', { value: role, text: t(`roles.${role}`), selected: role === account.role })),
  );
  select.addEventListener('change', async () => {
    try {
      await api('PUT', `/accounts/${account.id}/role`, { role: select.value });
      message.replaceChildren(notice(t('accounts.saved')));
    } catch (error) {
      message.replaceChildren(notice(error.status === 409 ? t('accounts.lastOwner') : t('errors.generic'), 'error'));
      await redraw();
    }
  });
  return select;
}

function actions(context, account, message, redraw) {
  if (account.disabledAt) return document.createTextNode('');
  const newLink = el('button', {
    type: 'button',
    text: t('accounts.newLink'),
    onclick: async () => showLink(message, await api('POST', `/accounts/${account.id}/setup-link`)),
  });
  const disable = el('button', {
    type: 'button',
    class: 'danger',
    text: t('accounts.disable'),
    onclick: async () => {
      if (!confirm(t('accounts.confirmDisable', { name: account.name }))) return;
      try {
        await api('POST', `/accounts/${account.id}/disable`);
        await redraw();
      } catch (error) {
        message.replaceChildren(notice(error.status === 409 ? t('accounts.lastOwner') : t('errors.generic'), 'error'));
      }
    },
  });
  return el('span', { class: 'actions' }, newLink, account.id === context.session.account.id ? null : disable);
}

function inviteForm(message, redraw) {
  const role = el(
    'select',
    {},
    ...ROLES.filter((r) => r !== 'owner').map((r) => el('option', { value: r, text: t(`roles.${r}`) })),
  );
  // The owner's own language first: most shops speak one language among themselves.
  const locale = el(
    'select',
    {},
    ...LOCALES.map(([value, name]) => el('option', { value, text: name, selected: value === language() })),
  );
  const built = form({
    fields: [
      { name: 'name', label: t('accounts.name'), attributes: { autocomplete: 'off', required: true } },
      { name: 'email', label: t('accounts.email'), attributes: { type: 'email', autocomplete: 'off', required: true } },
    ],
    submitLabel: t('accounts.invite'),
    submit: async (values, node) => {
      const created = await api('POST', '/accounts', { ...values, role: role.value, locale: locale.value });
      node.reset();
      showLink(message, created);
      await redraw();
    },
    messageFor: (error) => {
      if (error.status === 409) return t('accounts.emailTaken');
      if (error.status === 400) return t('errors.fields');
      return t('errors.generic');
    },
  });
  const extra = [selectField(t('accounts.role'), role), selectField(t('language'), locale)];
  for (const node of extra) built.insertBefore(node, built.querySelector('.form__message'));
  return el('section', { class: 'panel' }, el('h2', { text: t('accounts.inviteHeading') }), built);
}

/** The link is shown once: in a read-only box the owner can select and copy. */
function showLink(message, created) {
  const box = el('input', {
    readonly: true,
    value: created.setupUrl,
    'aria-label': t('accounts.linkHeading', { name: created.account.name }),
  });
  message.replaceChildren(
    el(
      'div',
      { class: 'notice notice--info', role: 'status' },
      el('h2', { text: t('accounts.linkHeading', { name: created.account.name }) }),
      el('p', { text: t('accounts.link', { time: formatTime(created.setupExpiresAt) }) }),
      box,
    ),
  );
  box.focus();
  box.select();
}
