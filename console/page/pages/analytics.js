// The analytics section: `#/analytics` lists its reports, and each report is
// a page of its own below it (`#/analytics/stages`, `#/analytics/cohorts`…). A
// report added later is one more entry in REPORTS.
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import * as cohorts from './analyticsCohorts.js';
import * as ltv from './analyticsLtv.js';
import * as scores from './scores.js';

// The customer stages, the loyalty square and RFM share one page (scores.js), which shows the one its path names.
const REPORTS = [
  { path: 'stages', label: 'scores.tabs.stages', page: scores },
  { path: 'quadrant', label: 'scores.tabs.quadrant', page: scores },
  { path: 'rfm', label: 'scores.tabs.rfm', page: scores },
  { path: 'cohorts', label: 'analytics.cohorts.heading', page: cohorts },
  { path: 'ltv', label: 'analytics.ltv.heading', page: ltv },
];

export async function render(context, path) {
  const report = REPORTS.find((entry) => path === `analytics/${entry.path}`);
  if (report) return report.page.render(context, path);
  return el(
    'section',
    {},
    heading(t('analytics.heading')),
    el(
      'ul',
      { class: 'cards' },
      ...REPORTS.map((entry) => el('li', {}, el('a', { href: `#/analytics/${entry.path}`, text: t(entry.label) }))),
    ),
  );
}
