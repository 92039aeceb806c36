// Who the filters being edited match, counted live: an edit marks the panel
// busy at once and asks POST /api/v1/segments/count ~300 ms after the last
// keystroke. Each count is numbered, so an older one answering late cannot
// overwrite a newer; the panel is busy until the latest has answered.
import { api, ApiError } from '../api.js';
import { el, table } from '../dom.js';
import { t } from '../i18n.js';
import { cardText, dateText, languageName, tierName } from './memberWords.js';
import { matchingText, optedInText } from './segmentWords.js';

const QUIET_MS = 300;

/**
 * `filters()` gives the filters to count (null while the form holds what is
 * not a value: nothing is asked); `onProblems(errors)` gets the API's field
 * errors of a refused count, or [] once a count is answered; `failed(error)`
 * any other failure. `linkMembers` says whether the reader may open a member's page.
 */
export function previewPanel({ filters, onProblems, linkMembers, failed }) {
  const count = el('p', { class: 'segment__count', role: 'status', 'aria-live': 'polite' });
  const sample = el('div', { class: 'segment__sample' });
  const node = el(
    'aside',
    { class: 'panel segment__preview', 'aria-label': t('segments.preview.label'), 'aria-busy': 'false' },
    el('h2', { text: t('segments.preview.label') }),
    count,
    sample,
  );
  const panel = { node, count, sample, filters, onProblems, linkMembers, failed, asked: 0, timer: null };
  const now = () => ask(panel);
  return {
    node,
    now,
    /** An edit: the count shown is no longer this one's, and a new one is asked once typing pauses. */
    soon: () => {
      node.setAttribute('aria-busy', 'true');
      clearTimeout(panel.timer);
      panel.timer = setTimeout(now, QUIET_MS);
    },
  };
}

async function ask(panel) {
  clearTimeout(panel.timer);
  const mine = ++panel.asked;
  const busy = (value) => panel.node.setAttribute('aria-busy', String(value));
  const document = panel.filters();
  if (document === null) {
    busy(false);
    panel.count.textContent = t('segments.preview.fix');
    return panel.sample.replaceChildren();
  }
  busy(true);
  try {
    const answer = await api('POST', '/segments/count', { filters: document });
    if (mine !== panel.asked) return;
    panel.onProblems([]);
    panel.count.textContent = `${matchingText(answer.members)}. ${optedInText(answer.optedIn)}.`;
    panel.sample.replaceChildren(sampleOf(answer.sample, panel.linkMembers));
  } catch (error) {
    if (mine === panel.asked) refused(error, panel);
  } finally {
    // Not busy once the latest count has answered, nor left busy by one that failed.
    if (mine === panel.asked) busy(false);
  }
}

/** A count refused for its filters marks them; any other failure is the console's to tell (a session that ended…). */
function refused(error, { count, sample, onProblems, failed }) {
  sample.replaceChildren();
  // 400: a value is not one; 422: a contest or draw the filters name is gone.
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    onProblems(Array.isArray(error.problem.errors) ? error.problem.errors : []);
    count.textContent = t('segments.preview.fix');
    return;
  }
  count.textContent = t('segments.preview.failed');
  failed(error);
}

function sampleOf(members, linkMembers) {
  if (members.length === 0) return el('p', { class: 'muted', text: t('segments.preview.none') });
  const rows = members.map((member) => [
    el(
      'span',
      { class: 'segment__member' },
      linkMembers
        ? el('a', { href: `#/members/${encodeURIComponent(member.id)}`, text: member.name })
        : el('span', { text: member.name }),
      el('span', { class: 'muted segment__card', text: cardText(member.cardNumber) }),
    ),
    document.createTextNode(member.tier ? tierName(member.tier) : '—'),
    document.createTextNode(languageName(member.locale)),
    document.createTextNode(dateText(member.joinedAt)),
  ]);
  return el(
    'div',
    {},
    el('p', { class: 'field__help', text: t('segments.preview.sampleHelp') }),
    table(
      t('segments.preview.sample'),
      [
        t('segments.preview.member'),
        t('segments.preview.tier'),
        t('segments.preview.language'),
        t('segments.preview.joined'),
      ],
      rows,
    ),
  );
}
