// The web chat widget: draws the transcript, queues what the visitor says and
// posts it to /webchat/messages one message at a time, in order.
//
// Server text is only ever set with textContent, never parsed as HTML. Every
// post carries an id made once; a post that fails for want of a network is
// retried with the same id, and the server drops the second copy of an id it
// has already answered, so nothing is lost and nothing is done twice. The
// transcript and the queue live in localStorage, so a reload keeps both.
// Messages the shop sends on its own arrive from chatInbox.js as events.
(() => {
  'use strict';

  const STORAGE_KEY = 'loyalty-webchat:v1';
  const MAX_ENTRIES = 200;
  const REQUEST_TIMEOUT_MS = 30_000;
  const MAX_BACKOFF_MS = 30_000;

  const root = document.getElementById('chat');
  const log = document.getElementById('log');
  const notice = document.getElementById('notice');
  const form = document.getElementById('composer');
  const input = document.getElementById('input');
  const texts = root.dataset;
  const state = loadState();
  const typing = typingIndicator();
  let draining = false;

  state.transcript.forEach(draw);
  scrollToEnd();
  form.addEventListener('submit', onSubmit);
  log.addEventListener('click', onButtonClick);
  document.addEventListener('webchat:inbox', (event) => record(botEntry(event.detail)));
  if (state.transcript.length === 0 && state.outbox.length === 0) enqueue({ kind: 'command', command: 'start' });
  else void drain();

  function onSubmit(event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    say(text, { kind: 'text', text });
  }

  function onButtonClick(event) {
    const button = event.target instanceof Element ? event.target.closest('button[data-payload]') : null;
    if (!button) return;
    say(button.textContent, { kind: 'button', payload: button.dataset.payload });
  }

  /** Shows what the visitor did as their message, then queues it for the server. */
  function say(label, event) {
    record({ from: 'user', text: label });
    enqueue(event);
  }

  function enqueue(event) {
    state.outbox.push({ id: newId(), event });
    saveState();
    void drain();
  }

  /** Posts the queue's head until it is answered, then the next one, and so on. */
  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (state.outbox.length > 0) {
        showTyping(true);
        const entries = await deliver(state.outbox[0]);
        state.outbox.shift();
        saveState();
        entries.forEach(record);
      }
    } finally {
      showTyping(false);
      draining = false;
    }
  }

  /** One queued message, retried with the same id until the server has answered it; resolves to what to show. */
  async function deliver(item) {
    for (let attempt = 0; ; attempt++) {
      const outcome = await post(item);
      if (outcome.kind === 'answered') {
        showNotice(null);
        return outcome.entries;
      }
      if (outcome.kind === 'refused') {
        showNotice(null);
        return [{ from: 'note', text: texts.failed }];
      }
      showNotice(outcome.kind === 'offline' ? texts.offline : texts.unavailable);
      await pause(outcome.retryAfterMs ?? backoff(attempt));
    }
  }

  /**
   * answered: the server handled it. refused: the server will never accept
   * this body (4xx), so retrying is pointless. offline / unavailable: try again.
   */
  async function post(item) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch('webchat/messages', {
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
      return { kind: 'answered', entries: Array.isArray(body.replies) ? body.replies.map(botEntry) : [] };
    }
    if (response.status === 429) return { kind: 'unavailable', retryAfterMs: retryAfterMs(response) };
    if (response.status >= 500 || response.status === 408) return { kind: 'unavailable' };
    return { kind: 'refused' };
  }

  /** A reply as a transcript entry, keeping only the fields the page draws, in the types it expects. */
  function botEntry(reply) {
    const text = typeof reply?.text === 'string' ? reply.text : '';
    const buttons = Array.isArray(reply?.buttons)
      ? reply.buttons.filter(Array.isArray).map((row) => row.filter(isButton).map(({ label, payload }) => ({ label, payload })))
      : [];
    const image = reply?.image && /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(reply.image.src)
      ? { src: reply.image.src, alt: typeof reply.image.alt === 'string' && reply.image.alt ? reply.image.alt : texts.imageAlt }
      : undefined;
    return { from: 'bot', text, buttons: buttons.filter((row) => row.length > 0), ...(image && { image }) };
  }

  function isButton(button) {
    return typeof button?.label === 'string' && typeof button?.payload === 'string' && button.payload.length > 0;
  }

  function record(entry) {
    state.transcript.push(entry);
    if (state.transcript.length > MAX_ENTRIES) state.transcript.splice(0, state.transcript.length - MAX_ENTRIES);
    saveState();
    draw(entry);
    scrollToEnd();
  }

  function draw(entry) {
    const node = entry.from === 'user' ? userMessage(entry) : entry.from === 'note' ? noteMessage(entry) : botMessage(entry);
    log.insertBefore(node, typing);
  }

  function userMessage(entry) {
    const item = element('div', 'msg msg--user');
    item.append(element('span', 'sr-only', `${texts.you}: `), element('p', 'bubble', entry.text));
    return item;
  }

  function noteMessage(entry) {
    return element('p', 'msg msg--note', entry.text);
  }

  function botMessage(entry) {
    const item = element('div', 'msg msg--bot');
    const bubble = element('div', 'bubble');
    if (entry.image) bubble.append(picture(entry.image));
    if (entry.text) bubble.append(element('p', 'bubble__text', entry.text));
    item.append(element('span', 'sr-only', `${texts.assistant}: `), bubble);
    if (entry.buttons && entry.buttons.length > 0) {
      item.classList.add('msg--with-actions');
      item.append(buttonRows(entry.buttons));
    }
    return item;
  }

  function picture(image) {
    const img = element('img', 'bubble__image');
    img.src = image.src;
    img.alt = image.alt;
    img.addEventListener('load', scrollToEnd, { once: true });
    return img;
  }

  function buttonRows(rows) {
    const group = element('div', 'actions');
    for (const row of rows) {
      const line = element('div', 'actions__row');
      for (const { label, payload } of row) {
        const button = element('button', 'action', label);
        button.type = 'button';
        button.dataset.payload = payload;
        line.append(button);
      }
      group.append(line);
    }
    return group;
  }

  function typingIndicator() {
    const node = element('div', 'msg msg--bot msg--typing');
    node.setAttribute('aria-hidden', 'true');
    node.hidden = true;
    const bubble = element('div', 'bubble typing');
    bubble.append(element('span'), element('span'), element('span'));
    node.append(bubble);
    log.append(node);
    return node;
  }

  function showTyping(visible) {
    typing.hidden = !visible;
    if (visible) scrollToEnd();
  }

  function showNotice(text) {
    notice.hidden = !text;
    notice.textContent = text ?? '';
    scrollToEnd();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
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

  function loadState() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
      if (saved && Array.isArray(saved.transcript) && Array.isArray(saved.outbox)) return saved;
    } catch {
      // Unreadable or blocked storage: start with an empty conversation.
    }
    return { transcript: [], outbox: [] };
  }

  /**
   * Old entries give way when the browser's quota is full; the queue is never
   * dropped. Without storage (blocked by the browser) the chat still works,
   * it just forgets on reload.
   */
  function saveState() {
    for (;;) {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
        return;
      } catch (error) {
        if (error?.name !== 'QuotaExceededError' || state.transcript.length === 0) return;
        state.transcript.splice(0, Math.ceil(state.transcript.length / 4));
      }
    }
  }
})();
