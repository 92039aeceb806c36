// The section's first page: the entries waiting for a decision, then every
// contest. Support moderates but reads no reports, so each part shows only
// to a role that may use it (the API checks the same on every call).
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { contestList } from './contestList.js';
import { moderationQueue } from './contestQueue.js';

export async function render(context) {
  const may = (permission) => context.session.permissions.includes(permission);
  const parts = await Promise.all([
    may('moderation') ? moderationQueue(context) : null,
    may('reports') ? contestList() : null,
  ]);
  return el(
    'section',
    { class: 'contests' },
    heading(t('contests.heading')),
    el('p', { text: t('contests.intro') }),
    may('contests')
      ? el('p', {}, el('a', { class: 'button primary', href: '#/contests/new', text: t('contests.form.heading') }))
      : null,
    ...parts,
  );
}
