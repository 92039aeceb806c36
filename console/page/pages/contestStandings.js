// One contest and its entries, most voted first (a tie goes to the earlier
// submission): what staff follow while members see no standings until
// voting closes. Pictures show to those who moderate; the others read the
// author, caption, votes and status.
import { api, ApiError } from '../api.js';
import { el, heading, notice, table } from '../dom.js';
import { t } from '../i18n.js';
import { countText, phaseNode, statusNode, textIn, timeNode, titleOf } from './contestWords.js';

export async function render(context, id) {
  const back = el('p', {}, el('a', { href: '#/contests', text: t('contests.standings.back') }));
  let contest;
  let entries;
  try {
    [contest, { entries }] = await Promise.all([
      api('GET', `/contests/${encodeURIComponent(id)}`),
      api('GET', `/contests/${encodeURIComponent(id)}/standings`),
    ]);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return el('section', {}, back, heading(t('contests.standings.notFound')));
    throw error;
  }
  const pictures = context.session.permissions.includes('moderation');
  const title = titleOf(contest.title);
  const votes = entries.reduce((sum, entry) => sum + entry.votes, 0);
  return el(
    'section',
    { class: 'contests contest__standings' },
    back,
    heading(title),
    facts(contest),
    contest.phase === 'closed' ? null : notice(t('contests.standings.hidden')),
    el('p', {
      text: `${countText('contests.list.entries', entries.length)} · ${countText('contests.standings.votes', votes)}`,
    }),
    entries.length === 0
      ? el('p', { class: 'muted', text: t('contests.standings.empty') })
      : standingsTable(entries, title, pictures),
  );
}

function status(entry) {
  if (entry.status !== 'rejected' || !entry.reason) return statusNode(entry.status);
  return el('span', {}, statusNode(entry.status), el('span', { class: 'muted', text: ` — ${entry.reason}` }));
}

function facts(contest) {
  return el(
    'dl',
    { class: 'contest__facts' },
    el('dt', { text: t('contests.standings.phase') }),
    el('dd', {}, phaseNode(contest.phase)),
    el('dt', { text: t('contests.standings.submissions') }),
    el('dd', {}, timeNode(contest.submissionsOpenAt), ' – ', timeNode(contest.submissionsCloseAt)),
    el('dt', { text: t('contests.standings.voting') }),
    el('dd', {}, timeNode(contest.votingOpensAt), ' – ', timeNode(contest.votingClosesAt)),
    el('dt', { text: t('contests.standings.votesPerMember') }),
    el('dd', { text: String(contest.votesPerMember) }),
    el('dt', { text: t('contests.standings.prizes') }),
    el('dd', { text: contest.prizes.map((prize) => `${textIn(prize.name)} × ${prize.count}`).join(', ') || '—' }),
  );
}

/** The entries as ranked, a thumbnail of each for those who may see the pictures. */
function standingsTable(entries, title, pictures) {
  return table(
    t('contests.standings.caption', { title }),
    [
      t('contests.standings.columns.place'),
      ...(pictures ? [t('contests.standings.columns.picture')] : []),
      t('contests.standings.columns.author'),
      t('contests.standings.columns.caption'),
      t('contests.standings.columns.votes'),
      t('contests.standings.columns.status'),
    ],
    entries.map((entry, index) => [
      String(index + 1),
      ...(pictures
        ? [
            el('img', {
              class: 'contest__thumb',
              src: entry.pictureUrl,
              alt: t('contests.queue.pictureAltBare', { author: entry.authorName }),
              loading: 'lazy',
            }),
          ]
        : []),
      entry.authorName,
      entry.caption ?? '',
      String(entry.votes),
      status(entry),
    ]),
  );
}
