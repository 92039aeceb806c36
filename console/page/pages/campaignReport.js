// A campaign's report: what it is and where it stands, the commands its
// status allows, its progress and counts (refreshed every few seconds while
// messages go out), its results against the holdout group, and the message
// as written.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { t } from '../i18n.js';
import { currentQuery } from '../router.js';
import { controlsPanel } from './campaignControls.js';
import { progressPanel } from './campaignProgress.js';
import { resultsPanel } from './campaignResults.js';
import { zoneTimeNode } from './campaignTime.js';
import { categoryName, countText, LANGUAGES, languageName, statusText } from './campaignWords.js';

/** How often the figures are read again: often while sending, seldom while waiting. */
const REFRESH_MS = { sending: 3_000, paused: 15_000, scheduled: 15_000 };

export async function render(context, id) {
  const root = el('section', { class: 'campaign-report' });
  const page = { context, id, root, path: `/campaigns/${encodeURIComponent(id)}`, drawn: 0 };
  page.redraw = async (after = {}) => {
    const drawing = ++page.drawn;
    const parts = await contents(page, after, drawing);
    if (drawing === page.drawn) root.replaceChildren(...parts.filter(Boolean));
  };
  const started = currentQuery().get('started') === '1';
  // Said once: a reload of the page later is not a second start.
  if (started) history.replaceState(null, '', `#/campaigns/${encodeURIComponent(id)}`);
  await page.redraw({ done: started ? 'start' : undefined });
  return root;
}

async function contents(page, after, drawing) {
  let campaign;
  let stats;
  try {
    [campaign, stats] = await Promise.all([api('GET', page.path), api('GET', `${page.path}/stats`)]);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return [backLink(), heading(t('campaigns.heading')), notice(t('campaigns.refused.campaign-not-found'), 'error')];
  }
  const [{ segments }, rules] = await Promise.all([api('GET', '/segments'), api('GET', '/program')]);
  const progress = progressPanel(stats);
  const results = resultsPanel(stats, rules.currency);
  follow(page, drawing, stats.status, [progress, results]);
  return [
    backLink(),
    heading(campaign.name),
    facts(campaign, segments),
    afterNotice(campaign, after),
    controlsPanel(page, campaign),
    progress.node,
    results.node,
    messagePanel(campaign),
  ];
}

/** Reads the figures again while they move; a change of status draws the whole page (its commands change with it). */
function follow(page, drawing, status, parts) {
  const every = REFRESH_MS[status];
  if (!every) return;
  const current = () => page.root.isConnected && page.drawn === drawing;
  const tick = async () => {
    if (!current()) return;
    try {
      const stats = await api('GET', `${page.path}/stats`);
      if (!current()) return;
      if (stats.status !== status) return void (await page.redraw());
      parts.forEach((part) => part.update(stats));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
      // A missed reading (the network, a restart) is taken again at the next tick.
    }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
}

function facts(campaign, segments) {
  const segment = segments.find((one) => one.id === campaign.segmentId);
  const item = (key, ...value) => [el('dt', { text: t(`campaigns.report.facts.${key}`) }), el('dd', {}, ...value)];
  const started = campaign.startedAt
    ? item('started', zoneTimeNode(campaign.startedAt))
    : campaign.sendAt
      ? item('sendAt', zoneTimeNode(campaign.sendAt))
      : [];
  return el(
    'dl',
    { class: 'campaign__facts-list' },
    ...item(
      'status',
      el('span', { class: `campaign__status campaign__status--${campaign.status}`, text: statusText(campaign.status) }),
    ),
    ...item('segment', segment ? segment.name : t('campaigns.segmentGone')),
    ...item('category', categoryName(campaign.category)),
    ...item('created', zoneTimeNode(campaign.createdAt)),
    ...started,
    ...(campaign.endedAt ? item('ended', zoneTimeNode(campaign.endedAt)) : []),
    ...item(
      'holdout',
      countText('campaigns.report.holdoutValue', campaign.resultDays, { percent: campaign.holdoutPercent }),
    ),
  );
}

/** What the last command did, or why it did nothing; focusable, so a screen reader says it. */
function afterNotice(campaign, after) {
  let node = null;
  if (after.refused) node = notice(t('campaigns.report.refused', { status: statusText(campaign.status) }), 'error');
  else if (after.done === 'start')
    node = notice(t(`campaigns.report.done.${campaign.status === 'scheduled' ? 'scheduled' : 'start'}`));
  else if (after.done === 'resume' && campaign.status === 'done') node = notice(t('campaigns.report.done.resumedDone'));
  else if (after.done) node = notice(t(`campaigns.report.done.${after.done}`));
  if (!node) return null;
  node.classList.add('campaign__done');
  node.tabIndex = -1;
  return node;
}

function messagePanel(campaign) {
  const written = LANGUAGES.filter((locale) => campaign.messages[locale]);
  return el(
    'section',
    { class: 'panel' },
    el('h2', { text: t('campaigns.report.message') }),
    ...written.flatMap((locale) => [
      el('h3', { text: languageName(locale) }),
      el('p', { class: 'campaign__message', lang: locale, text: campaign.messages[locale] }),
    ]),
  );
}

function backLink() {
  return el('p', {}, el('a', { href: '#/campaigns', text: t('campaigns.back') }));
}
