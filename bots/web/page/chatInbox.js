// Messages the shop sends on its own (a purchase confirmation, a birthday
// greeting…): fetched from /webchat/inbox every few seconds and handed to the
// chat widget (chat.js) as `webchat:inbox` events, each message once.
//
// The server answers with everything since a little before the cursor (so a
// message that became visible late is never skipped); the ids already shown
// are kept, with the cursor, in localStorage, so neither repeats nor a reload
// shows a message twice.
(() => {
  'use strict';

  const STORAGE_KEY = 'loyalty-webchat-inbox:v1';
  const POLL_MS = 3_000;
  const MAX_BACKOFF_MS = 30_000;
  const MAX_SEEN_IDS = 200;

  const state = loadState();
  void poll();

  async function poll() {
    for (let failures = 0; ;) {
      try {
        const query = state.cursor === null ? '' : `?after=${state.cursor}`;
        const response = await fetch(`webchat/inbox${query}`, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
        receive(await response.json());
        failures = 0;
      } catch {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, failures === 0 ? POLL_MS : backoff(failures)));
    }
  }

  function receive(body) {
    const messages = Array.isArray(body?.messages) ? body.messages : [];
    for (const message of messages) {
      if (typeof message?.id !== 'string' || state.seen.includes(message.id)) continue;
      state.seen.push(message.id);
      document.dispatchEvent(new CustomEvent('webchat:inbox', { detail: message }));
    }
    if (state.seen.length > MAX_SEEN_IDS) state.seen.splice(0, state.seen.length - MAX_SEEN_IDS);
    if (Number.isSafeInteger(body?.cursor)) state.cursor = Math.max(state.cursor ?? 0, body.cursor);
    saveState();
  }

  /** 3 s, then 6, 12… up to 30 s while the server cannot be reached, with jitter. */
  function backoff(failures) {
    const base = Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** failures);
    return base / 2 + Math.random() * (base / 2);
  }

  function loadState() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
      const cursor = Number.isSafeInteger(saved?.cursor) ? saved.cursor : null;
      const seen = Array.isArray(saved?.seen) ? saved.seen.filter((id) => typeof id === 'string') : [];
      return { cursor, seen };
    } catch {
      // Unreadable or blocked storage: start afresh; the server's answer is bounded.
      return { cursor: null, seen: [] };
    }
  }

  function saveState() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Without storage the inbox still works; a reload may show recent messages again.
    }
  }
})();
