// Member look-up: one box for a name, a phone in any spelling or a card
// number; results a page at a time, "More" following the API's cursor. The
// query is kept in the address (#/members?q=…), so Back from a member's
// page finds the same list again. #/members/<id> is that member's page.
import { api } from '../api.js';
import { el, field, heading } from '../dom.js';
import { t } from '../i18n.js';
import { currentQuery } from '../router.js';
import * as memberPage from './memberPage.js';
import { cardText, pointsText, tierName } from './memberWords.js';

const PAGE_SIZE = 20;

export async function render(context, path) {
  const id = path.split('/')[1];
  if (id) return memberPage.render(context, decodeURIComponent(id));
  const search = newSearch(context);
  const query = currentQuery().get('q') ?? '';
  if (query.trim() !== '') {
    search.box.input.value = query;
    await search.run(query);
  }
  return search.root;
}

function newSearch(context) {
  const box = field(t('members.query'), { type: 'search', name: 'q', maxlength: '100', autocomplete: 'off' });
  const count = el('p', { class: 'members__count', role: 'status', 'aria-live': 'polite' });
  const list = el('ul', { class: 'members__list', 'aria-label': t('members.results') });
  const more = el('button', { type: 'button', text: t('members.more'), hidden: true });
  const state = { query: '', next: null, shown: 0, search: 0 };
  const run = async (query) => {
    // Each search is numbered, so an older one answering late cannot add its members to a newer list.
    Object.assign(state, { query, next: null, shown: 0, search: state.search + 1 });
    list.replaceChildren();
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    count.textContent = t('members.searching', { query });
    await loadPage(state, { list, count, more });
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    await loadPage(state, { list, count, more }).catch(context.failed);
    more.disabled = false;
  });
  const form = searchForm(box, async (query) => {
    // Replaced, not pushed: the hash changes without redrawing the page, and Back leaves the section.
    history.replaceState(null, '', `#/members?q=${encodeURIComponent(query)}`);
    await run(query).catch(context.failed);
  });
  const root = el(
    'section',
    { class: 'members' },
    heading(t('members.heading')),
    el('p', { text: t('members.intro') }),
    form,
    count,
    list,
    more,
  );
  return { root, box, run };
}

function searchForm(box, search) {
  const form = el(
    'form',
    { class: 'members__search', role: 'search', novalidate: true },
    box.wrapper,
    el('button', { type: 'submit', class: 'primary', text: t('members.search') }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = box.input.value.trim();
    if (query === '') return box.error(t('errors.required'));
    box.error(null);
    await search(query);
  });
  return form;
}

async function loadPage(state, { list, count, more }) {
  const search = state.search;
  const cursor = state.next ? `&cursor=${encodeURIComponent(state.next)}` : '';
  const page = await api(
    'GET',
    `/members/search?q=${encodeURIComponent(state.query)}&limit=${PAGE_SIZE}${cursor}`,
  ).finally(() => {
    // Not busy once answered, and not left busy by a failed search either.
    if (search === state.search) list.setAttribute('aria-busy', 'false');
  });
  if (search !== state.search) return;
  list.append(...page.members.map((member) => listing(member)));
  state.next = page.next;
  state.shown += page.members.length;
  more.hidden = !page.next;
  count.textContent =
    state.shown === 0 ? t('members.empty', { query: state.query }) : t('members.shown', { count: state.shown });
}

function listing(member) {
  const line = t('members.listingLine', {
    card: cardText(member.cardNumber),
    phone: member.phone ?? t('members.noPhone'),
    tier: tierName(member.tier),
    balance: pointsText(member.balance),
  });
  return el(
    'li',
    {},
    el(
      'a',
      { class: 'members__item', href: `#/members/${encodeURIComponent(member.id)}` },
      el('span', { class: 'members__name', text: member.name }),
      el('span', { class: 'members__meta', text: line }),
    ),
  );
}
