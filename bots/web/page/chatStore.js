// The conversation kept on this device: the transcript and the queue of
// messages not yet answered, in localStorage, so a reload keeps both.
//
// What is kept is bounded: entries older than 30 days are dropped, a reply
// that carries a one-time till code is stored as a note saying so (never the
// code, never its QR), and the visitor can clear it all from the page.

const STORAGE_KEY = 'loyalty-webchat:v2';
// v1 kept till codes; it is removed, not migrated.
const OLD_KEYS = ['loyalty-webchat:v1'];
const MAX_ENTRIES = 200;
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The saved state, without entries past their age; an empty one when nothing usable is stored. */
export function loadState() {
  try {
    OLD_KEYS.forEach((key) => localStorage.removeItem(key));
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && Array.isArray(saved.transcript) && Array.isArray(saved.outbox)) {
      const oldest = Date.now() - MAX_AGE_MS;
      const transcript = saved.transcript.filter((entry) => Number.isFinite(entry?.at) && entry.at >= oldest);
      return { transcript, outbox: saved.outbox, menu: Array.isArray(saved.menu) ? saved.menu : [] };
    }
  } catch {
    // Unreadable or blocked storage: start with an empty conversation.
  }
  return { transcript: [], outbox: [], menu: [] };
}

/** Adds an entry, stamped with its time, keeping the newest MAX_ENTRIES. */
export function append(state, entry) {
  const stamped = { ...entry, at: Date.now() };
  state.transcript.push(stamped);
  if (state.transcript.length > MAX_ENTRIES) state.transcript.splice(0, state.transcript.length - MAX_ENTRIES);
  return stamped;
}

/**
 * Old entries give way when the browser's quota is full; the queue is never
 * dropped. Without storage (blocked by the browser) the chat still works,
 * it just forgets on reload.
 */
export function saveState(state, texts) {
  for (;;) {
    try {
      const transcript = state.transcript.map((entry) =>
        entry.ephemeral ? { from: 'note', text: texts.codeHidden, at: entry.at } : entry,
      );
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, transcript }));
      return;
    } catch (error) {
      if (error?.name !== 'QuotaExceededError' || state.transcript.length === 0) return;
      state.transcript.splice(0, Math.ceil(state.transcript.length / 4));
    }
  }
}
