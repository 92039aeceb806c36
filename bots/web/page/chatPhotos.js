// The attach control: a photo the visitor picks waits above the message box,
// named, with a button to take it back, while they may type its caption;
// Send sends both. Its bytes are held in memory only (never in localStorage)
// and posted as the body of /webchat/photos. The server checks what the
// file really is.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** As the server allows (webChatPhotosRoute.ts). */
export const MAX_CAPTION_LENGTH = 1024;

/**
 * Wires the attach button to a hidden file input and the waiting photo's
 * strip. `onTooLarge()` is called for a file over 10 MB, which never waits.
 */
export function createPhotoPicker({ button, input, strip, label, remove, textbox, texts, onTooLarge }) {
  const plainPlaceholder = textbox.placeholder;
  let waiting = null;
  const show = () => {
    strip.hidden = !waiting;
    label.replaceChildren(...(waiting ? describe(waiting, texts) : []));
    textbox.placeholder = waiting ? texts.captionPlaceholder : (texts.placeholder ?? plainPlaceholder);
  };
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files ?? [];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_PHOTO_BYTES) return onTooLarge();
    waiting = file;
    show();
    textbox.focus();
  });
  remove.addEventListener('click', () => {
    waiting = null;
    show();
    textbox.focus();
  });
  return {
    /** The photo waiting to be sent, if any; it waits no longer. */
    take() {
      const file = waiting;
      waiting = null;
      show();
      return file;
    },
    /** Says it again in the page's new language. */
    relabel: show,
  };
}

function describe(file, texts) {
  const name = document.createElement('span');
  name.className = 'chat__staged-name';
  name.textContent = `📷 ${file.name}`;
  const hint = document.createElement('span');
  hint.className = 'chat__staged-hint';
  hint.textContent = texts.photoReady;
  return [name, ' ', hint];
}

/** Posts a queued photo with its caption; resolves to the fetch Response. */
export function postPhoto(item, blob, signal) {
  const query = new URLSearchParams({ id: item.id });
  if (item.event.caption) query.set('caption', item.event.caption);
  return fetch(`webchat/photos?${query}`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'application/octet-stream' },
    body: blob,
    credentials: 'same-origin',
    signal,
  });
}
