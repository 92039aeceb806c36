// One ticket in the desk inbox: the customer, the conversation with their
// photos, Take and Resolve, and the reply box whose "note" stays internal.
import { api, ApiError } from '../api.js';
import { el, notice } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { assigneeText, channelName, waitingText } from './deskWords.js';
import { tierName } from './memberWords.js';

let forms = 0;

export async function openTicket(desk, id, focus) {
  desk.state.selected = id;
  desk.redrawList();
  try {
    drawConversation(desk, await api('GET', `/tickets/${id}`), { focus });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      return desk.detail.replaceChildren(notice(t('desk.gone'), 'error'));
    await desk.context.failed(error);
  }
}

/** The ticket being read, redrawn only if it changed, keeping the words being written and the focus. */
export async function refreshTicket(desk, id) {
  const conversation = await api('GET', `/tickets/${id}`).catch(() => null);
  if (!conversation || desk.state.selected !== id || signature(conversation) === desk.state.drawn) return;
  const draft = desk.detail.querySelector('textarea');
  const box = desk.detail.querySelector('input[type="checkbox"]');
  const kept = { text: draft?.value ?? '', note: box?.checked ?? false, typing: draft === document.activeElement };
  drawConversation(desk, conversation, {});
  const text = desk.detail.querySelector('textarea');
  const note = desk.detail.querySelector('input[type="checkbox"]');
  text.value = kept.text;
  if (!note.disabled) note.checked = kept.note;
  if (kept.typing) text.focus();
}

function drawConversation(desk, conversation, { focus = false, message = null, problem = null }) {
  const { ticket, customer, messages } = conversation;
  desk.state.drawn = signature(conversation);
  const title = el('h2', { tabindex: '-1', text: t('desk.ticketHeading', { reference: ticket.reference }) });
  const feedback = el(
    'div',
    { class: 'desk__feedback' },
    message ? notice(message) : null,
    problem ? notice(problem, 'error') : null,
  );
  desk.detail.replaceChildren(
    el(
      'article',
      { class: 'panel desk__conversation' },
      title,
      customerFacts(conversation),
      customer.unreachable ? notice(t('desk.unreachable'), 'error') : null,
      el(
        'ol',
        { class: 'desk__messages', 'aria-label': t('desk.messages') },
        ...messages.map((item) => messageItem(conversation, item)),
      ),
      feedback,
      actions(desk, ticket),
      replyForm(desk, ticket, feedback),
    ),
  );
  if (focus) {
    title.focus();
    title.scrollIntoView?.({ block: 'start' });
  }
}

/** The list and the ticket redrawn as they are after a change made here. */
async function changed(desk, conversation, message) {
  await desk.reload();
  drawConversation(desk, conversation, { message });
}

function actions(desk, ticket) {
  const act = (path, done) => async (event) => {
    event.currentTarget.disabled = true;
    try {
      await changed(desk, await api('POST', `/tickets/${ticket.id}/${path}`), t(done));
    } catch (error) {
      await refused(desk, error, ticket.id);
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

function replyForm(desk, ticket, feedback) {
  forms += 1;
  const id = `desk-reply-${forms}`;
  const resolved = ticket.status === 'resolved';
  const text = el('textarea', { id, name: 'text', rows: '3', maxlength: '4000', required: true });
  const note = el('input', { type: 'checkbox', id: `${id}-note`, checked: resolved, disabled: resolved });
  const send = el('button', { type: 'submit', class: 'primary', text: t('desk.send') });
  const node = el(
    'form',
    { class: 'desk__reply', novalidate: true },
    el('label', { for: id, text: t('desk.reply') }),
    text,
    el('div', { class: 'check' }, note, el('label', { for: note.id, text: t('desk.note') })),
    resolved ? el('p', { class: 'muted', text: t('desk.resolvedNoteOnly') }) : null,
    send,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (text.value.trim() === '') {
      text.setAttribute('aria-invalid', 'true');
      feedback.replaceChildren(notice(t('desk.empty'), 'error'));
      return text.focus();
    }
    send.disabled = true;
    await sendReply(desk, ticket.id, { text: text.value, note: note.checked });
    send.disabled = false;
  });
  return node;
}

async function sendReply(desk, id, body) {
  try {
    await changed(desk, await api('POST', `/tickets/${id}/replies`, body), t(body.note ? 'desk.noted' : 'desk.sent'));
    desk.detail.querySelector('textarea')?.focus();
  } catch (error) {
    await refused(desk, error, id);
  }
}

/** A refused action: why, in the person's language, with the ticket as it is now. */
async function refused(desk, error, id) {
  if (!(error instanceof ApiError) || ![404, 409].includes(error.status)) return desk.context.failed(error);
  const type = String(error.problem.type ?? '');
  const conversation = await api('GET', `/tickets/${id}`).catch(() => null);
  await desk.reload().catch(() => undefined);
  let problem = t('desk.gone');
  if (type.endsWith('ticket-taken'))
    problem = t('desk.takenByOther', { name: conversation?.ticket.assignee?.name ?? t('desk.someone') });
  else if (type.endsWith('ticket-resolved')) problem = t('desk.alreadyResolved');
  if (conversation) drawConversation(desk, conversation, { problem });
  else desk.detail.replaceChildren(notice(problem, 'error'));
}

/** What a redraw would change: the ticket's state and its messages. */
function signature({ ticket, messages }) {
  return JSON.stringify([ticket.status, ticket.assignee?.id ?? null, ticket.rating, messages.map((m) => m.id)]);
}

function customerFacts({ ticket, customer }) {
  const facts = [
    [t('desk.customer'), ticket.member.name],
    [t('desk.card'), customer.cardNumber],
    [t('desk.phone'), customer.phone],
    [t('desk.tier'), customer.tier ? tierName(customer.tier) : '—'],
    [t('desk.balance'), t('desk.points', { count: customer.balance })],
    [t('desk.channel'), `${channelName(ticket.channel)}, ${customer.locale}`],
    [t('desk.state'), [t(`desk.status.${ticket.status}`), assigneeText(ticket)].filter(Boolean).join(' · ')],
    [t('desk.waitLabel'), waitingText(ticket, Date.now())],
    ...surveyFacts(ticket),
  ];
  return el(
    'dl',
    { class: 'desk__facts' },
    ...facts.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]),
  );
}

/** A detractor's ticket (reason `nps`): their score and by when someone is to have followed them up. */
function surveyFacts(ticket) {
  if (ticket.surveyScore === null || ticket.surveyScore === undefined) return [];
  return [
    [t('desk.npsScore'), t('desk.npsScoreValue', { score: ticket.surveyScore })],
    ...(ticket.followUpBy ? [[t('desk.followUpBy'), formatTime(ticket.followUpBy)]] : []),
  ];
}

function messageItem({ ticket }, message) {
  const staff = message.by?.name ?? t('desk.someone');
  const who =
    message.author === 'customer'
      ? ticket.member.name
      : t(message.author === 'note' ? 'desk.noteBy' : 'desk.staffBy', { name: staff });
  const photo = message.photoUrl
    ? el('img', {
        class: 'desk__photo',
        src: message.photoUrl,
        alt: t('desk.photo', { name: ticket.member.name }),
        loading: 'lazy',
      })
    : null;
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
    photo,
  );
}
