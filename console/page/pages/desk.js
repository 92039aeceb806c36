// The desk inbox: tickets open, taken and resolved, a ticket's conversation
// with the customer's photos, replies and internal notes, Take and Resolve.
// While the page is shown it polls /tickets/events, so new tickets appear
// without a reload; it stops once the router has put another page in place.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { formatTime, t } from '../i18n.js';

const STATUSES = ['open', 'taken', 'resolved'];
/** How often the page asks what changed, in milliseconds. */
export const POLL_MS = 3000;
let replies = 0;

export async function render(context) {
  const state = { status: 'open', tickets: [], fetchedAt: 0, selected: null, drawn: null, next: null };
  const root = el('section', { class: 'desk' });
  const announce = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const count = el('p', { class: 'muted' });
  const list = el('ul', { class: 'desk__list' });
  const detail = el('div', { class: 'desk__detail' });
  const filter = el(
    'div',
    { class: 'desk__filter', role: 'group', 'aria-label': t('desk.filter') },
    ...STATUSES.map((status) =>
      el('button', {
        type: 'button',
        'data-status': status,
        text: t(`desk.status.${status}`),
        onclick: () => showStatus(status),
      }),
    ),
  );

  async function loadList() {
    const page = await api('GET', `/tickets?status=${state.status}&limit=100`);
    state.tickets = page.tickets;
    state.fetchedAt = Date.now();
    drawList();
  }

  function drawList() {
    for (const button of filter.querySelectorAll('button'))
      button.setAttribute('aria-pressed', String(button.dataset.status === state.status));
    count.textContent = t(`desk.count.${state.status}`, { count: state.tickets.length });
    list.replaceChildren(...state.tickets.map((ticket) => ticketItem(ticket)));
  }

  function ticketItem(ticket) {
    const current = state.selected === ticket.id;
    return el(
      'li',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'desk__ticket',
          'aria-current': current ? 'true' : undefined,
          onclick: () => openTicket(ticket.id, true),
        },
        el('span', { class: 'desk__who', text: `${ticket.reference} · ${ticket.member.name}` }),
        el('span', { class: 'desk__meta', text: waitingText(ticket, state.fetchedAt) }),
        el('span', {
          class: 'desk__meta',
          text: [channelName(ticket.channel), t(`desk.reason.${ticket.reason}`), assigneeText(ticket)]
            .filter(Boolean)
            .join(' · '),
        }),
      ),
    );
  }

  async function showStatus(status) {
    state.status = status;
    try {
      await loadList();
    } catch (error) {
      await context.failed(error);
    }
  }

  async function openTicket(id, focus) {
    state.selected = id;
    drawList();
    try {
      const conversation = await api('GET', `/tickets/${id}`);
      drawConversation(conversation, focus);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        detail.replaceChildren(notice(t('desk.gone'), 'error'));
        return;
      }
      await context.failed(error);
    }
  }

  /** A change made here: the list and the ticket redrawn as they are now. */
  async function changed(conversation, message) {
    await loadList();
    drawConversation(conversation, false, message);
  }

  function drawConversation(conversation, focus, message) {
    const { ticket } = conversation;
    state.drawn = signature(conversation);
    const title = el('h2', { tabindex: '-1', text: t('desk.ticketHeading', { reference: ticket.reference }) });
    const feedback = el('div', { class: 'desk__feedback' }, message ? notice(message) : null);
    detail.replaceChildren(
      el(
        'article',
        { class: 'panel desk__conversation' },
        title,
        customerFacts(conversation),
        conversation.customer.unreachable ? notice(t('desk.unreachable'), 'error') : null,
        el(
          'ol',
          { class: 'desk__messages', 'aria-label': t('desk.messages') },
          ...conversation.messages.map((item) => messageItem(conversation, item)),
        ),
        feedback,
        actions(conversation, feedback),
        replyForm(conversation, feedback),
      ),
    );
    if (focus) {
      title.focus();
      title.scrollIntoView?.({ block: 'start' });
    }
  }

  function actions(conversation, feedback) {
    const { ticket } = conversation;
    const act = (path, done) => async (event) => {
      event.currentTarget.disabled = true;
      try {
        await changed(await api('POST', `/tickets/${ticket.id}/${path}`), t(done));
      } catch (error) {
        await refused(error, feedback, ticket.id);
      }
    };
    const take =
      ticket.status === 'open'
        ? el('button', { type: 'button', text: t('desk.take'), onclick: act('take', 'desk.takenDone') })
        : null;
    const resolve =
      ticket.status === 'resolved'
        ? null
        : el('button', {
            type: 'button',
            class: 'primary',
            text: t('desk.resolve'),
            onclick: act('resolve', 'desk.resolvedDone'),
          });
    return el('div', { class: 'actions desk__actions' }, take, resolve);
  }

  function replyForm(conversation, feedback) {
    const { ticket } = conversation;
    replies += 1;
    const id = `desk-reply-${replies}`;
    const resolved = ticket.status === 'resolved';
    const text = el('textarea', { id, name: 'text', rows: '3', maxlength: '4000', required: true });
    const note = el('input', { type: 'checkbox', id: `${id}-note`, checked: resolved, disabled: resolved });
    const send = el('button', { type: 'submit', class: 'primary', text: t('desk.send') });
    const formNode = el(
      'form',
      { class: 'desk__reply', novalidate: true },
      el('label', { for: id, text: t('desk.reply') }),
      text,
      el('div', { class: 'check' }, note, el('label', { for: note.id, text: t('desk.note') })),
      resolved ? el('p', { class: 'muted', text: t('desk.resolvedNoteOnly') }) : null,
      send,
    );
    formNode.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (text.value.trim() === '') {
        feedback.replaceChildren(notice(t('desk.empty'), 'error'));
        text.setAttribute('aria-invalid', 'true');
        text.focus();
        return;
      }
      send.disabled = true;
      try {
        const asNote = note.checked;
        const answer = await api('POST', `/tickets/${ticket.id}/replies`, { text: text.value, note: asNote });
        await changed(answer, t(asNote ? 'desk.noted' : 'desk.sent'));
        detail.querySelector('textarea')?.focus();
      } catch (error) {
        send.disabled = false;
        await refused(error, feedback, ticket.id);
      }
    });
    return formNode;
  }

  /** A refused action: why, in the person's language, and the ticket as it is now. */
  async function refused(error, feedback, id) {
    if (!(error instanceof ApiError) || ![404, 409].includes(error.status)) return context.failed(error);
    const type = String(error.problem.type ?? '');
    let conversation = null;
    try {
      conversation = await api('GET', `/tickets/${id}`);
      await loadList();
    } catch {
      // The reason is still worth showing.
    }
    let text = t('desk.gone');
    if (type.endsWith('ticket-taken'))
      text = t('desk.takenByOther', { name: conversation?.ticket.assignee?.name ?? '—' });
    else if (type.endsWith('ticket-resolved')) text = t('desk.alreadyResolved');
    if (conversation) drawConversation(conversation, false);
    (conversation ? detail.querySelector('.desk__feedback') : feedback).replaceChildren(notice(text, 'error'));
  }

  /** Every few seconds while shown: what changed, and the waiting times moved on. */
  async function poll() {
    if (!root.isConnected) return;
    try {
      const answer = await api('GET', `/tickets/events?since=${encodeURIComponent(state.next)}`);
      state.next = answer.next;
      const known = new Set(state.tickets.map((ticket) => ticket.id));
      const fresh = answer.tickets.filter((ticket) => ticket.status === 'open' && !known.has(ticket.id));
      if (answer.more || answer.tickets.length > 0) await loadList();
      else drawList();
      if (fresh.length > 0 && state.status === 'open')
        announce.textContent = t('desk.newTickets', { count: fresh.length });
      if (answer.tickets.some((ticket) => ticket.id === state.selected)) await refreshTicket(state.selected);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return context.failed(error);
      // A moment without the server: the next poll tries again.
    }
    if (root.isConnected) setTimeout(poll, POLL_MS);
  }

  /** The ticket being read, redrawn only if it changed, keeping the words being written and the focus. */
  async function refreshTicket(id) {
    const conversation = await api('GET', `/tickets/${id}`).catch(() => null);
    if (!conversation || state.selected !== id || signature(conversation) === state.drawn) return;
    const draft = detail.querySelector('textarea');
    const note = detail.querySelector('input[type="checkbox"]');
    const typing = draft !== null && document.activeElement === draft;
    const kept = { text: draft?.value ?? '', note: note?.checked ?? false };
    drawConversation(conversation, false);
    const fresh = detail.querySelector('textarea');
    if (!fresh) return;
    fresh.value = kept.text;
    const box = detail.querySelector('input[type="checkbox"]');
    if (box && !box.disabled) box.checked = kept.note;
    if (typing) fresh.focus();
  }

  state.next = (await api('GET', '/tickets/events')).next;
  await loadList();
  setTimeout(poll, POLL_MS);
  detail.append(el('p', { class: 'muted', text: t('desk.choose') }));
  root.append(
    heading(t('desk.heading')),
    announce,
    el('div', { class: 'desk__layout' }, el('div', { class: 'desk__inbox' }, filter, count, list), detail),
  );
  return root;
}

/** What a redraw would change: the ticket's state and its messages. */
function signature({ ticket, messages }) {
  return JSON.stringify([ticket.status, ticket.assignee?.id ?? null, ticket.rating, messages.map((m) => m.id)]);
}

function customerFacts(conversation) {
  const { ticket, customer } = conversation;
  const facts = [
    [t('desk.customer'), ticket.member.name],
    [t('desk.card'), customer.cardNumber],
    [t('desk.phone'), customer.phone],
    [t('desk.tier'), customer.tier ?? '—'],
    [t('desk.balance'), t('desk.points', { count: customer.balance })],
    [t('desk.channel'), `${channelName(ticket.channel)}, ${customer.locale}`],
    [t('desk.state'), [t(`desk.status.${ticket.status}`), assigneeText(ticket)].filter(Boolean).join(' · ')],
    [t('desk.waitLabel'), waitingText(ticket, Date.now())],
  ];
  return el(
    'dl',
    { class: 'desk__facts' },
    ...facts.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]),
  );
}

function messageItem(conversation, message) {
  const who =
    message.author === 'customer'
      ? conversation.ticket.member.name
      : t(message.author === 'note' ? 'desk.noteBy' : 'desk.staffBy', { name: message.by?.name ?? t('desk.someone') });
  return el(
    'li',
    { class: `desk__message desk__message--${message.author}` },
    el(
      'p',
      { class: 'desk__message-head' },
      el('strong', { text: who }),
      ' ',
      el('time', { datetime: message.at, text: formatTime(message.at) }),
    ),
    message.text ? el('p', { class: 'desk__text', text: message.text }) : null,
    message.photoUrl
      ? el('img', {
          class: 'desk__photo',
          src: message.photoUrl,
          alt: t('desk.photo', { name: conversation.ticket.member.name }),
          loading: 'lazy',
        })
      : null,
  );
}

/** "waiting 5 minutes" while open or taken, "waited 2 hours" once resolved; counted on from the list's fetch. */
export function waitingText(ticket, fetchedAt) {
  const running = ticket.status === 'resolved' ? 0 : Math.max(0, Math.floor((Date.now() - fetchedAt) / 1000));
  const seconds = ticket.waitedSeconds + running;
  const kind = ticket.status === 'resolved' ? 'waited' : 'waiting';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t(`desk.${kind}.minutes`, { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t(`desk.${kind}.hours`, { count: hours });
  return t(`desk.${kind}.days`, { count: Math.floor(hours / 24) });
}

function assigneeText(ticket) {
  return ticket.assignee ? t('desk.takenBy', { name: ticket.assignee.name }) : '';
}

function channelName(channel) {
  const name = t(`desk.channels.${channel}`);
  return name === `desk.channels.${channel}` ? channel : name;
}
