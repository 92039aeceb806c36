// Every campaign, newest first: its status, the segment it goes to, when it
// was written and when it started. A draft's name opens the editor, any
// other's the report.
import { api } from '../api.js';
import { el, heading, table } from '../dom.js';
import { t } from '../i18n.js';
import { zoneTimeNode } from './campaignTime.js';
import { statusText } from './campaignWords.js';

export async function render() {
  const [listed, { segments }] = await Promise.all([api('GET', '/campaigns'), api('GET', '/segments')]);
  // Automatic messages (a trigger, no segment) run by themselves and are switched on and off as such, not here.
  const campaigns = listed.campaigns.filter((campaign) => campaign.segmentId !== null);
  const segmentNames = new Map(segments.map((segment) => [segment.id, segment.name]));
  return el(
    'section',
    { class: 'campaigns' },
    heading(t('campaigns.heading')),
    el('p', { text: t('campaigns.intro') }),
    el('p', {}, el('a', { class: 'button primary', href: '#/campaigns/new', text: t('campaigns.new') })),
    campaigns.length === 0
      ? el('p', { class: 'muted', text: t('campaigns.empty') })
      : campaignTable(campaigns, segmentNames),
  );
}

function campaignTable(campaigns, segmentNames) {
  return table(
    t('campaigns.listCaption'),
    ['name', 'status', 'segment', 'created', 'started'].map((key) => t(`campaigns.columns.${key}`)),
    campaigns.map((campaign) => {
      const id = encodeURIComponent(campaign.id);
      const started = campaign.startedAt ?? (campaign.status === 'scheduled' ? campaign.sendAt : null);
      return [
        el('a', {
          href: campaign.status === 'draft' ? `#/campaigns/${id}/edit` : `#/campaigns/${id}`,
          text: campaign.name,
        }),
        el('span', {
          class: `campaign__status campaign__status--${campaign.status}`,
          text: statusText(campaign.status),
        }),
        segmentNames.has(campaign.segmentId)
          ? document.createTextNode(segmentNames.get(campaign.segmentId))
          : el('span', { class: 'muted', text: t('campaigns.segmentGone') }),
        zoneTimeNode(campaign.createdAt),
        started ? startedNode(campaign, started) : el('span', { class: 'muted', text: t('campaigns.notStarted') }),
      ];
    }),
  );
}

/** A scheduled campaign has not started: its cell says when it will. */
function startedNode(campaign, at) {
  if (campaign.startedAt) return zoneTimeNode(at);
  return el('span', {}, t('campaigns.scheduledFor'), ' ', zoneTimeNode(at));
}
