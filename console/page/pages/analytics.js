// The analytics section: `#/analytics` lists its reports, and each report is
// a page of its own below it (`#/analytics/cohorts`, `#/analytics/ltv`). A
// report added later is one more entry in REPORTS.
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import * as cohorts from './analyticsCohorts.js';
import * as ltv from './analyticsLtv.js';

const REPORTS = [
  { path: 'cohorts', page: cohorts },
  { path: 'ltv', page: ltv },
];

export async function render(context, path) {
  const report = REPORTS.find((entry) => path === `analytics/${entry.path}`);
  if (report) return report.page.render(context);
  return el(
    'section',
    {},
    heading(t('analytics.heading')),
    el(
      'ul',
      { class: 'cards' },
      ...REPORTS.map((entry) =>
        el('li', {}, el('a', { href: `#/analytics/${entry.path}`, text: t(`analytics.${entry.path}.heading`) })),
      ),
    ),
  );
}
