// The attach control: a photo the visitor picks is queued like a message,
// its bytes held in memory only (never in localStorage), and posted as the
// body of /webchat/photos. The server checks what the file really is.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Wires the attach button to a hidden file input; `onPicked(file)` gets each chosen file. */
export function createPhotoPicker({ button, input, onPicked }) {
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files ?? [];
    input.value = '';
    if (file) onPicked(file);
  });
}

/** Posts a queued photo; resolves to the fetch Response. */
export function postPhoto(item, blob, signal) {
  return fetch(`webchat/photos?id=${encodeURIComponent(item.id)}`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'application/octet-stream' },
    body: blob,
    credentials: 'same-origin',
    signal,
  });
}
