// Customer loyalty: the customer stages (#/analytics/stages), the loyalty
// square (#/analytics/quadrant) and RFM segments (#/analytics/rfm), each read
// from the daily scores (GET /api/v1/reports/stages, /quadrant, /rfm), with
// the day they are of and a button to recompute them now.
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { refreshButton } from './scoreParts.js';
import { quadrantView } from './scoreQuadrant.js';
import { rfmView } from './scoreRfm.js';
import { stagesView } from './scoreStages.js';

const VIEWS = { stages: stagesView, quadrant: quadrantView, rfm: rfmView };

export async function render(context, path = '') {
  const asked = path.split('/')[1] ?? '';
  const view = asked in VIEWS ? asked : 'stages';
  const content = await VIEWS[view](context);
  return el('section', { class: 'scores' }, heading(t('scores.heading')), tabs(view), content, refreshButton());
}

function tabs(current) {
  const links = Object.keys(VIEWS).map((view) =>
    el(
      'li',
      {},
      el('a', {
        href: `#/analytics/${view}`,
        text: t(`scores.tabs.${view}`),
        'aria-current': view === current ? 'page' : undefined,
      }),
    ),
  );
  return el('nav', { 'aria-label': t('scores.tabs.label') }, el('ul', { class: 'actions' }, ...links));
}
