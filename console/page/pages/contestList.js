// Every contest, newest first: its phase, its windows and how many entries
// it has, each linked to its standings.
import { api } from '../api.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { countText, phaseNode, timeNode, titleOf } from './contestWords.js';

export async function contestList() {
  const { contests } = await api('GET', '/contests');
  return el(
    'section',
    { class: 'contests__list', 'aria-labelledby': 'contests-list-heading' },
    el('h2', { id: 'contests-list-heading', text: t('contests.list.heading') }),
    contests.length === 0
      ? el('p', { class: 'muted', text: t('contests.list.empty') })
      : table(
          t('contests.list.caption'),
          [
            t('contests.list.columns.title'),
            t('contests.list.columns.phase'),
            t('contests.list.columns.submissions'),
            t('contests.list.columns.voting'),
            t('contests.list.columns.entries'),
          ],
          contests.map((contest) => [
            el('a', {
              href: `#/contests/${encodeURIComponent(contest.id)}`,
              text: titleOf(contest.title),
              'aria-label': t('contests.list.standingsOf', { title: titleOf(contest.title) }),
            }),
            phaseNode(contest.phase),
            window(contest.submissionsOpenAt, contest.submissionsCloseAt),
            window(contest.votingOpensAt, contest.votingClosesAt),
            countText('contests.list.entries', contest.entries ?? 0),
          ]),
        ),
  );
}

function window(from, until) {
  return el('span', {}, timeNode(from), ' – ', timeNode(until));
}
