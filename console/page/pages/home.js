import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { sectionsFor } from '../router.js';

export function render(context) {
  const { account } = context.session;
  const others = sectionsFor(context.session).filter((section) => section.path !== '');
  return el(
    'section',
    {},
    heading(t('home.heading', { name: account.name })),
    el('p', { text: t('home.role', { role: t(`roles.${account.role}`) }) }),
    el('p', { text: t('home.sections') }),
    el(
      'ul',
      { class: 'cards' },
      ...others.map((section) => el('li', {}, el('a', { href: `#/${section.path}`, text: t(section.label) }))),
    ),
  );
}
