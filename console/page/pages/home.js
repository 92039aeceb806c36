import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { sectionsFor } from '../router.js';
import { overviewPanel } from './analyticsOverview.js';

export async function render(context) {
  const { account } = context.session;
  const others = sectionsFor(context.session).filter((section) => section.path !== '');
  // The programme's figures come first for those who may read reports: what a marketer opens the console for.
  const overview = context.session.permissions.includes('reports') ? await overviewPanel() : null;
  return el(
    'section',
    {},
    heading(t('home.heading', { name: account.name })),
    overview,
    el('p', { text: t('home.role', { role: t(`roles.${account.role}`) }) }),
    el('p', { text: t('home.sections') }),
    el(
      'ul',
      { class: 'cards' },
      ...others.map((section) => el('li', {}, el('a', { href: `#/${section.path}`, text: t(section.label) }))),
    ),
  );
}
