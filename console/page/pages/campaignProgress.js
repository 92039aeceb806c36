// How far a campaign has gone: a progress bar of the members decided (sent,
// or kept back for a reason the table gives) out of the segment, and every
// count of GET /api/v1/campaigns/{id}/stats with what it means. `update`
// writes new figures into the same elements, so a refresh moves no focus
// and a screen reader is not made to read the page again.
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { uniqueId } from './campaignTexts.js';
import { countText, numberText } from './campaignWords.js';

/** The counts in the order a marketer reads them: who was in, who was kept back and why, what became of the sent. */
export const COUNTS = [
  'segment',
  'notOptedIn',
  'heldOut',
  'capped',
  'muted',
  'queued',
  'sent',
  'delivered',
  'seen',
  'failed',
  'unreachable',
  'cancelled',
  'buttonPresses',
];

export function progressPanel(stats) {
  const id = uniqueId('progress');
  const line = el('p', { id: `${id}-line`, class: 'campaign__progress-line' });
  const bar = el('progress', { id, 'aria-labelledby': `${id}-label`, 'aria-describedby': line.id });
  const cells = new Map(COUNTS.map((key) => [key, document.createTextNode('')]));
  // Each figure with what it means under its name: two columns still fit a phone.
  const counts = table(
    t('campaigns.report.countsCaption'),
    [t('campaigns.report.figure'), t('campaigns.report.members')],
    COUNTS.map((key) => [
      el(
        'span',
        { class: 'campaign__count' },
        el('span', { class: 'campaign__count-name', text: t(`campaigns.counts.${key}`) }),
        el('span', { class: 'field__help', text: t(`campaigns.countsHelp.${key}`) }),
      ),
      cells.get(key),
    ]),
  );
  const node = el(
    'section',
    { class: 'panel campaign__progress', 'aria-labelledby': `${id}-label` },
    el('h2', { id: `${id}-label`, text: t('campaigns.report.progress') }),
    bar,
    line,
    counts,
    el('p', { class: 'field__help', text: t('campaigns.report.addUp') }),
  );
  const update = (now) => {
    for (const [key, cell] of cells) cell.textContent = numberText(now[key]);
    const decided = now.segment - now.queued;
    bar.max = Math.max(now.segment, 1);
    bar.value = decided;
    bar.hidden = now.status === 'draft' || now.status === 'scheduled';
    line.textContent = lineText(now, decided);
  };
  update(stats);
  return { node, update };
}

function lineText(stats, decided) {
  if (stats.status === 'draft') return t('campaigns.report.notStarted');
  if (stats.status === 'scheduled') return t('campaigns.report.waiting');
  const done = countText('campaigns.report.decided', stats.segment, {
    decided: numberText(decided),
    sent: numberText(stats.sent),
  });
  return stats.audienceFixed ? done : `${done} ${t('campaigns.report.enrolling')}`;
}
