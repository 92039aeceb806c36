// A campaign's picture: uploaded from the marketer's computer (POST
// /api/v1/pictures keeps it cleaned of metadata and answers its public
// address), or given as an https address. Either way the campaign carries
// the address as `imageUrl`; an uploaded one is shown here, with a control
// to take it off again.
import { upload } from '../api.js';
import { el, field } from '../dom.js';
import { t } from '../i18n.js';
import { markAt, uniqueId } from './campaignTexts.js';

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Our own pictures' addresses end so; served by this server too, so the page (CSP `img-src 'self'`) can show them. */
const OURS = /\/media\/([A-Za-z0-9_-]{22}\.(?:jpg|png|webp))$/;

/** `{ nodes, read, places }` for the message part of the form; `value.imageUrl` is the picture it starts with. */
export function picturePart(value) {
  const address = addressField(value.imageUrl);
  const chooser = fileChooser();
  const status = el('p', { class: 'field__help', role: 'status', id: uniqueId('picture-status') });
  const shown = el('div', { class: 'campaign__picture-shown' });
  const changed = () => address.input.dispatchEvent(new Event('input', { bubbles: true }));
  const show = () => showPicture(shown, address.input.value.trim(), () => set(''));
  const set = (url) => {
    address.input.value = url;
    markAt(chooser.input, chooser.error, null);
    status.textContent = url ? '' : t('campaigns.picture.removed');
    show();
    changed();
    if (!url) chooser.input.focus();
  };
  address.input.addEventListener('input', show);
  chooser.input.addEventListener('change', () => {
    const file = chooser.input.files?.[0];
    chooser.input.value = '';
    if (file) void uploadPicture(file, { chooser, status, set });
  });
  show();
  return {
    nodes: [chooser.wrapper, status, shown, address.wrapper],
    read: () => ({ imageUrl: address.input.value.trim() || null }),
    places: () => [['/imageUrl', address.place]],
  };
}

async function uploadPicture(file, { chooser, status, set }) {
  const refused = refusalOf(file);
  if (refused) return markAt(chooser.input, chooser.error, refused);
  status.textContent = t('campaigns.picture.uploading');
  chooser.input.disabled = true;
  try {
    const picture = await upload('/pictures', file);
    set(picture.url);
    status.textContent = t('campaigns.picture.uploaded');
  } catch (error) {
    status.textContent = '';
    markAt(chooser.input, chooser.error, uploadProblem(error.status));
  } finally {
    chooser.input.disabled = false;
  }
}

/** What the server would say anyway, said before sending 10 MB. */
function refusalOf(file) {
  if (file.size > MAX_BYTES) return t('campaigns.picture.tooLarge');
  if (file.type && !TYPES.includes(file.type)) return t('campaigns.picture.notAPicture');
  return null;
}

function uploadProblem(status) {
  if (status === 413) return t('campaigns.picture.tooLarge');
  if (status === 415) return t('campaigns.picture.notAPicture');
  if (status === 409) return t('campaigns.picture.publicUrlUnset');
  return t('campaigns.picture.failed');
}

function showPicture(shown, url, remove) {
  const id = OURS.exec(url)?.[1];
  shown.replaceChildren();
  if (!id) return;
  shown.append(
    el('img', { class: 'campaign__picture-preview', src: `/media/${id}`, alt: t('campaigns.picture.alt') }),
    el('button', {
      type: 'button',
      class: 'link campaign__picture-remove',
      text: t('campaigns.picture.remove'),
      onclick: remove,
    }),
  );
}

function fileChooser() {
  const made = field(t('campaigns.picture.upload'), { type: 'file', accept: TYPES.join(',') });
  const help = el('p', { class: 'field__help', id: `${made.input.id}-help`, text: t('campaigns.picture.help') });
  made.input.before(help);
  made.input.setAttribute('aria-describedby', `${help.id} ${made.input.getAttribute('aria-describedby')}`);
  return { wrapper: made.wrapper, input: made.input, error: made.wrapper.querySelector('.field__error') };
}

function addressField(imageUrl) {
  const made = field(t('campaigns.editor.imageUrl'), {
    type: 'url',
    inputmode: 'url',
    maxlength: 2000,
    autocomplete: 'off',
  });
  const help = el('p', { class: 'field__help', id: `${made.input.id}-help`, text: t('campaigns.editor.imageHelp') });
  made.input.before(help);
  made.input.setAttribute('aria-describedby', `${help.id} ${made.input.getAttribute('aria-describedby')}`);
  made.input.value = imageUrl ?? '';
  return { wrapper: made.wrapper, input: made.input, place: { focus: () => made.input.focus(), mark: made.error } };
}
