// The moderation queue: each entry waiting for a decision with its picture,
// caption and contest, to approve or to reject with one of the common
// reasons (the same as Slack's), which its author reads in their language,
// and an optional note. The first decision counts, here or in Slack: an entry someone
// decided meanwhile leaves the queue with a word saying so.
import { api, ApiError } from '../api.js';
import { el, field, notice } from '../dom.js';
import { t } from '../i18n.js';
import { timeNode, titleOf } from './contestWords.js';

/** The keys of core/contests/rejectionReasons.ts, in its order; their labels are console.contests.reasons.*. */
const REASONS = ['notOwn', 'offTopic', 'inappropriate', 'poorQuality', 'rules'];

export async function moderationQueue(context) {
  const { entries } = await api('GET', '/contest-entries/pending');
  const said = el('div', { class: 'contest__said', role: 'status' });
  const empty = () => el('p', { class: 'muted contest__empty', text: t('contests.queue.empty') });
  const list = el('ul', { class: 'contest__queue' });
  const section = el(
    'section',
    { class: 'contests__queue', 'aria-labelledby': 'contests-queue-heading' },
    el('h2', { id: 'contests-queue-heading', text: t('contests.queue.heading') }),
    said,
  );
  const leave = (item, message, kind = 'info') => {
    item.remove();
    said.replaceChildren(notice(message, kind));
    if (list.children.length === 0) list.replaceWith(empty());
    section.querySelector('h2').focus();
  };
  for (const entry of entries) list.append(entryItem(context, entry, leave));
  section.querySelector('h2').setAttribute('tabindex', '-1');
  section.append(entries.length === 0 ? empty() : list);
  return section;
}

function entryItem(context, entry, leave) {
  const headingId = `entry-${entry.id}`;
  const item = el('li', { class: 'contest__entry panel', 'aria-labelledby': headingId });
  const reason = reasonField();
  const note = field(t('contests.queue.note'), { tag: 'textarea', name: 'reason', rows: 2, maxlength: 300 });
  const message = el('div', { class: 'form__message' });
  const buttons = [];
  const decide = async (action, body) => {
    buttons.forEach((button) => (button.disabled = true));
    try {
      await api('POST', `/contest-entries/${encodeURIComponent(entry.id)}/${action}`, body);
      leave(item, t(`contests.queue.${action === 'approve' ? 'approved' : 'rejected'}`, { author: entry.authorName }));
    } catch (error) {
      await refused(context, error, { entry, item, leave, reason, note, message });
    } finally {
      buttons.forEach((button) => (button.disabled = false));
    }
  };
  const approve = el('button', {
    type: 'button',
    class: 'primary',
    text: t('contests.queue.approve'),
    onclick: () => decide('approve'),
  });
  const rejection = rejectForm(entry, { reason, note }, (body) => decide('reject', body));
  buttons.push(approve, rejection.querySelector('button'));
  item.append(...entryFacts(entry, headingId), el('p', { class: 'contest__decide' }, approve), rejection, message);
  return item;
}

/** What a moderator judges: the contest, the author, the picture and its caption. */
function entryFacts(entry, headingId) {
  const title = titleOf(entry.contestTitle);
  return [
    el('h3', { id: headingId, text: t('contests.queue.entryHeading', { title, author: entry.authorName }) }),
    el('img', {
      class: 'contest__picture',
      src: entry.pictureUrl,
      alt: entry.caption
        ? t('contests.queue.pictureAlt', { author: entry.authorName, caption: entry.caption })
        : t('contests.queue.pictureAltBare', { author: entry.authorName }),
      loading: 'lazy',
    }),
    el(
      'p',
      { class: 'contest__caption' },
      entry.caption ? entry.caption : el('span', { class: 'muted', text: t('contests.queue.noCaption') }),
    ),
    el('p', { class: 'muted' }, t('contests.queue.submitted'), ' ', timeNode(entry.submittedAt)),
  ];
}

/** The common reasons, none chosen at first: a moderator picks one on purpose. */
function reasonField() {
  const reason = field(t('contests.queue.reason'), { tag: 'select', name: 'reasonKey' });
  reason.input.append(
    el('option', { value: '', text: t('contests.queue.chooseReason') }),
    ...REASONS.map((key) => el('option', { value: key, text: t(`contests.reasons.${key}`) })),
  );
  return reason;
}

/** Reject with a reason the author will read, and a note if the moderator adds one: no reason, and nothing is sent. */
function rejectForm(entry, { reason, note }, send) {
  const node = el(
    'form',
    {
      class: 'contest__reject',
      novalidate: true,
      'aria-label': t('contests.queue.rejectForm', { author: entry.authorName }),
    },
    reason.wrapper,
    note.wrapper,
    el('button', { type: 'submit', text: t('contests.queue.reject') }),
  );
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    reason.error(null);
    const reasonKey = reason.input.value;
    const text = note.input.value.trim();
    if (reasonKey !== '') return send(text === '' ? { reasonKey } : { reasonKey, reason: text });
    reason.error(t('contests.queue.reasonRequired'));
    reason.input.focus();
  });
  return node;
}

/** A decision the API refused: decided first (409) or gone (404) leaves the queue; a bad reason marks its field. */
async function refused(context, error, { entry, item, leave, reason, note, message }) {
  message.replaceChildren();
  if (!(error instanceof ApiError)) return context.failed(error);
  if (error.status === 409)
    return leave(item, t('contests.queue.decidedFirst', { author: entry.authorName }), 'warning');
  if (error.status === 404) return leave(item, t('contests.queue.gone', { author: entry.authorName }), 'warning');
  if (error.fields.reasonKey || error.fields.reason) {
    const marked = error.fields.reasonKey ? reason : note;
    marked.error(t(error.fields.reasonKey ? 'contests.queue.reasonRequired' : 'contests.queue.noteRefused'));
    return marked.input.focus();
  }
  if (error.status === 403) return message.replaceChildren(notice(t('errors.forbidden'), 'error'));
  return context.failed(error);
}
