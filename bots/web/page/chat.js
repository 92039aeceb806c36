// The web chat widget: queues what the visitor says and posts it to
// /webchat/messages one message at a time, in order.
//
// Every post carries an id made once; a post that fails for want of a network
// (or is told to slow down) is retried with the same id, and the server drops
// the second copy of an id it has already answered, so nothing is lost and
// nothing is done twice. Messages the shop sends on its own arrive from
// chatInbox.js as events.
import { append, loadState, saveState } from './chatStore.js';
import { createMenu } from './chatMenu.js';
import { MAX_CAPTION_LENGTH, createPhotoPicker, postPhoto } from './chatPhotos.js';
import { applyPageTexts } from './chatTexts.js';
import { createView } from './chatView.js';

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

const root = document.getElementById('chat');
const notice = document.getElementById('notice');
const input = document.getElementById('input');
const texts = root.dataset;
const state = loadState();
const view = createView(document.getElementById('log'), texts);
const menu = createMenu({
  button: document.getElementById('menu-button'),
  panel: document.getElementById('menu'),
  texts,
  onChoose: pressed,
});
// Photos waiting in the queue, by queue id; a reload loses them (and says so).
const photos = new Map();
let draining = false;

state.transcript.forEach(view.draw);
menu.show(state.menu);
view.scrollToEnd();
document.getElementById('composer').addEventListener('submit', onSubmit);
document.getElementById('log').addEventListener('click', onButtonClick);
document.getElementById('clear').addEventListener('click', clearConversation);
const picker = createPhotoPicker({
  button: document.getElementById('attach'),
  input: document.getElementById('photo'),
  strip: document.getElementById('staged'),
  label: document.getElementById('staged-text'),
  remove: document.getElementById('unstage'),
  textbox: input,
  texts,
  onTooLarge: () => record({ from: 'note', text: texts.photoTooLarge }),
});
document.addEventListener('webchat:inbox', (event) => record(botEntry(event.detail)));
if (state.transcript.length === 0 && state.outbox.length === 0) enqueue({ kind: 'command', command: 'start' });
else void drain();

function onSubmit(event) {
  event.preventDefault();
  const text = input.value.trim();
  const photo = picker.take();
  if (!text && !photo) return;
  input.value = '';
  if (photo) sendPhoto(photo, text.slice(0, MAX_CAPTION_LENGTH));
  else say(text, { kind: 'text', text });
}

function onButtonClick(event) {
  const button = event.target instanceof Element ? event.target.closest('button[data-payload]') : null;
  if (button) pressed(button.textContent, button.dataset.payload);
}

function pressed(label, payload) {
  say(label.replace(/\u00A0/g, ' '), { kind: 'button', payload });
}

/** The photo with what was typed beside it as its caption, shown under "📷 Photo". */
function sendPhoto(file, caption) {
  record({ from: 'user', text: caption ? `${texts.photoSent}\n${caption}` : texts.photoSent });
  enqueue(caption ? { kind: 'photo', caption } : { kind: 'photo' }, file);
}

/** Forgets the conversation on this device (the queue of unsent messages stays, so nothing typed is lost). */
function clearConversation() {
  state.transcript = [];
  view.clear();
  record({ from: 'note', text: texts.cleared });
}

/** Shows what the visitor did as their message, then queues it for the server. */
function say(label, event) {
  record({ from: 'user', text: label });
  enqueue(event);
}

function enqueue(event, photo) {
  const id = newId();
  if (photo) photos.set(id, photo);
  state.outbox.push({ id, event });
  saveState(state, texts);
  void drain();
}

/** Posts the queue's head until it is answered, then the next one, and so on. */
async function drain() {
  if (draining) return;
  draining = true;
  try {
    while (state.outbox.length > 0) {
      view.showTyping(true);
      const entries = await deliver(state.outbox[0]);
      photos.delete(state.outbox.shift().id);
      saveState(state, texts);
      entries.forEach(record);
    }
  } finally {
    view.showTyping(false);
    draining = false;
  }
}

/** One queued message, retried with the same id until the server has answered it; resolves to what to show. */
async function deliver(item) {
  for (let attempt = 0; ; attempt++) {
    const outcome = await post(item);
    if (outcome.kind === 'answered' || outcome.kind === 'refused') {
      showNotice(null);
      return outcome.kind === 'answered' ? outcome.entries : [{ from: 'note', text: outcome.notice ?? texts.failed }];
    }
    showNotice(outcome.notice ?? (outcome.kind === 'offline' ? texts.offline : texts.unavailable));
    await pause(outcome.retryAfterMs ?? backoff(attempt));
  }
}

/**
 * answered: the server handled it. refused: the server will never accept
 * this body (4xx), so retrying is pointless. offline / unavailable: try again.
 */
async function post(item) {
  const photo = item.event.kind === 'photo' ? photos.get(item.id) : undefined;
  if (item.event.kind === 'photo' && !photo) return { kind: 'refused', notice: texts.photoLost };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = photo
      ? await postPhoto(item, photo, abort.signal)
      : await fetch('webchat/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(item),
          credentials: 'same-origin',
          signal: abort.signal,
        });
    return await outcomeOf(response);
  } catch {
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
}

async function outcomeOf(response) {
  if (response.ok) {
    const body = await response.json();
    if (applyPageTexts(body.page, root, texts)) {
      menu.relabel();
      picker.relabel();
    }
    return { kind: 'answered', entries: Array.isArray(body.replies) ? body.replies.map(botEntry) : [] };
  }
  if (response.status === 429) {
    const body = await response.json().catch(() => ({}));
    return {
      kind: 'unavailable',
      retryAfterMs: retryAfterMs(response),
      notice: typeof body.notice === 'string' ? body.notice : undefined,
    };
  }
  if (response.status >= 500 || response.status === 408) return { kind: 'unavailable' };
  const body = await response.json().catch(() => ({}));
  return { kind: 'refused', notice: typeof body.notice === 'string' ? body.notice : undefined };
}

/** A reply as a transcript entry, keeping only the fields the page draws, in the types it expects; its menu goes to the Menu control. */
function botEntry(reply) {
  const text = typeof reply?.text === 'string' ? reply.text : '';
  const image = isImageSource(reply?.image?.src)
    ? {
        src: reply.image.src,
        alt: typeof reply.image.alt === 'string' && reply.image.alt ? reply.image.alt : texts.imageAlt,
      }
    : undefined;
  const menuRows = buttonsOf(reply?.menu);
  if (menuRows.length > 0) {
    state.menu = menuRows;
    menu.show(menuRows);
  }
  return {
    from: 'bot',
    text,
    buttons: buttonsOf(reply?.buttons),
    ...(image && { image }),
    ...(reply?.ephemeral === true && { ephemeral: true }),
    ...(isStale(reply?.stale) && { stale: { inMs: reply.stale.inMs, text: reply.stale.text } }),
  };
}

/** A picture drawn by the server (inline), or one on the web over https, the only kinds the page's policy loads. */
function isImageSource(src) {
  if (typeof src !== 'string') return false;
  return /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(src) || isHttpsAddress(src);
}

/** An absolute https address: a `javascript:` or `data:` one in a link would run or show whatever it holds. */
function isHttpsAddress(address) {
  if (typeof address !== 'string') return false;
  try {
    return new URL(address).protocol === 'https:';
  } catch {
    return false;
  }
}

function isStale(stale) {
  return typeof stale?.text === 'string' && Number.isFinite(stale?.inMs);
}

function buttonsOf(rows) {
  if (!Array.isArray(rows)) return [];
  return rows
    .filter(Array.isArray)
    .map((row) => row.map(buttonOf).filter((button) => button !== null))
    .filter((row) => row.length > 0);
}

/** A button that answers with its payload, or a link to a page on the web over https; anything else is left out. */
function buttonOf(button) {
  if (typeof button?.label !== 'string') return null;
  if (typeof button.payload === 'string' && button.payload.length > 0)
    return { label: button.label, payload: button.payload };
  return isHttpsAddress(button.url) ? { label: button.label, url: button.url } : null;
}

function record(entry) {
  const stamped = append(state, entry);
  saveState(state, texts);
  view.draw(stamped);
  view.scrollToEnd();
}

function showNotice(text) {
  notice.hidden = !text;
  notice.textContent = text ?? '';
  view.scrollToEnd();
}

/** Waits, but wakes up at once when the browser says the network is back. */
function pause(ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/** 1 s, 2 s, 4 s… up to 30 s, with jitter so many visitors do not retry in step. */
function backoff(attempt) {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

function retryAfterMs(response) {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 5 * 60_000) : undefined;
}

/** crypto.randomUUID exists only on HTTPS and localhost; a shop's LAN address may be plain HTTP. */
function newId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
