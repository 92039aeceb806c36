// The desk inbox: tickets open, taken and resolved, oldest first, with their
// waiting times; a chosen ticket opens beside the list (below it on a phone).
// While the page is shown it polls /tickets/events, so new tickets appear
// without a reload; it stops once the router has put another page in place.
// #/desk/<id> opens that ticket, under the status it has (a member's page
// and a detractor's comment in Surveys link to their tickets so).
import { api, ApiError } from '../api.js';
import { el, heading } from '../dom.js';
import { t } from '../i18n.js';
import { openTicket, refreshTicket } from './deskTicket.js';
import { ticketLines } from './deskWords.js';

const STATUSES = ['open', 'taken', 'resolved'];
/** How often the page asks what changed, in milliseconds. */
const POLL_MS = 3000;
/** Tickets fetched at a time; "Show more" fetches the next page. */
const PAGE_SIZE = 50;

export async function render(context, path = '') {
  const desk = newDesk(context);
  desk.state.next = (await api('GET', '/tickets/events')).next;
  const id = decodeURIComponent(path.split('/')[1] ?? '');
  const named = id ? await api('GET', `/tickets/${encodeURIComponent(id)}`).catch(() => null) : null;
  if (named) desk.state.status = named.ticket.status;
  await desk.reload();
  if (id) await openTicket(desk, id, false);
  setTimeout(() => poll(desk), POLL_MS);
  return desk.root;
}

function newDesk(context) {
  const desk = {
    context,
    state: { status: 'open', tickets: [], nextCursor: null, fetchedAt: 0, selected: null, drawn: null, next: null },
    announce: el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
    count: el('p', { class: 'muted' }),
    list: el('ul', { class: 'desk__list' }),
    more: el('button', { type: 'button', hidden: true, text: t('desk.more'), onclick: () => loadMore(desk) }),
    detail: el('div', { class: 'desk__detail' }, el('p', { class: 'muted', text: t('desk.choose') })),
    reload: () => loadList(desk),
    redrawList: () => drawList(desk),
  };
  desk.filter = el(
    'div',
    { class: 'desk__filter', role: 'group', 'aria-label': t('desk.filter') },
    ...STATUSES.map((status) =>
      el('button', {
        type: 'button',
        'data-status': status,
        text: t(`desk.status.${status}`),
        onclick: () => show(desk, status),
      }),
    ),
  );
  desk.root = el(
    'section',
    { class: 'desk' },
    heading(t('desk.heading')),
    desk.announce,
    el(
      'div',
      { class: 'desk__layout' },
      el('div', { class: 'desk__inbox' }, desk.filter, desk.count, desk.list, desk.more),
      desk.detail,
    ),
  );
  return desk;
}

/** The list from its start, as many pages as were shown, so a refresh never hides what "Show more" revealed. */
async function loadList(desk) {
  const { state } = desk;
  const shown = Math.max(state.tickets.length, PAGE_SIZE);
  const tickets = [];
  let cursor = null;
  do {
    const page = await fetchPage(state.status, cursor);
    tickets.push(...page.tickets);
    cursor = page.nextCursor;
  } while (cursor && tickets.length < shown);
  state.tickets = tickets;
  state.nextCursor = cursor;
  state.fetchedAt = Date.now();
  drawList(desk);
}

async function loadMore(desk) {
  const { state } = desk;
  try {
    const page = await fetchPage(state.status, state.nextCursor);
    const known = new Set(state.tickets.map((ticket) => ticket.id));
    state.tickets.push(...page.tickets.filter((ticket) => !known.has(ticket.id)));
    state.nextCursor = page.nextCursor;
    drawList(desk);
  } catch (error) {
    await desk.context.failed(error);
  }
}

function fetchPage(status, cursor) {
  const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return api('GET', `/tickets?status=${status}&limit=${PAGE_SIZE}${after}`);
}

function drawList(desk) {
  const { state } = desk;
  for (const button of desk.filter.querySelectorAll('button'))
    button.setAttribute('aria-pressed', String(button.dataset.status === state.status));
  const counted = state.nextCursor ? 'countMore' : 'count';
  desk.count.textContent = t(`desk.${counted}.${state.status}`, { count: state.tickets.length });
  desk.more.hidden = !state.nextCursor;
  desk.list.replaceChildren(...state.tickets.map((ticket) => ticketItem(desk, ticket)));
}

function ticketItem(desk, ticket) {
  const [waiting, about] = ticketLines(ticket, desk.state.fetchedAt);
  const button = el(
    'button',
    {
      type: 'button',
      class: 'desk__ticket',
      'aria-current': desk.state.selected === ticket.id ? 'true' : undefined,
      onclick: () => openTicket(desk, ticket.id, true),
    },
    el('span', { class: 'desk__who', text: `${ticket.reference} · ${ticket.member.name}` }),
    el('span', { class: 'desk__meta', text: waiting }),
    el('span', { class: 'desk__meta', text: about }),
  );
  return el('li', {}, button);
}

async function show(desk, status) {
  desk.state.status = status;
  desk.state.tickets = [];
  try {
    await loadList(desk);
  } catch (error) {
    await desk.context.failed(error);
  }
}

/** Every few seconds while shown: what changed, and the waiting times moved on. */
async function poll(desk) {
  if (!desk.root.isConnected) return;
  try {
    await pollOnce(desk);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return desk.context.failed(error);
    // A moment without the server: the next poll tries again.
  }
  if (desk.root.isConnected) setTimeout(() => poll(desk), POLL_MS);
}

async function pollOnce(desk) {
  const { state } = desk;
  const answer = await api('GET', `/tickets/events?since=${encodeURIComponent(state.next)}`);
  state.next = answer.next;
  const known = new Set(state.tickets.map((ticket) => ticket.id));
  const fresh = answer.tickets.filter((ticket) => ticket.status === 'open' && !known.has(ticket.id));
  if (answer.more || answer.tickets.length > 0) await loadList(desk);
  else drawList(desk);
  if (fresh.length > 0 && state.status === 'open')
    desk.announce.textContent = t('desk.newTickets', { count: fresh.length });
  if (answer.tickets.some((ticket) => ticket.id === state.selected)) await refreshTicket(desk, state.selected);
}
