// Drawing the transcript. Server text is only ever set with textContent,
// never parsed as HTML.

/** Draws entries into the log, above the typing indicator. */
export function createView(log, texts) {
  const typing = typingIndicator(log);
  return {
    draw(entry) {
      const node =
        entry.from === 'user'
          ? userMessage(entry, texts)
          : entry.from === 'note'
            ? element('p', 'msg msg--note', entry.text)
            : botMessage(entry, texts, log);
      log.insertBefore(node, typing);
      keepOnlyNewestButtonsInTabOrder(log);
    },
    clear() {
      log.querySelectorAll('.msg:not(.msg--typing)').forEach((node) => node.remove());
    },
    showTyping(visible) {
      typing.hidden = !visible;
      if (visible) scrollToEnd(log);
    },
    scrollToEnd: () => scrollToEnd(log),
  };
}

/** Buttons of older replies still work by pointer, but Tab goes from the newest reply's choices straight to the message box. */
function keepOnlyNewestButtonsInTabOrder(log) {
  const newest = [...log.querySelectorAll('.msg--bot:not(.msg--typing)')].pop();
  log.querySelectorAll('.actions').forEach((group) => {
    const tabIndex = group.parentElement === newest ? 0 : -1;
    group.querySelectorAll('.action').forEach((action) => (action.tabIndex = tabIndex));
  });
}

function userMessage(entry, texts) {
  const item = element('div', 'msg msg--user');
  item.append(element('span', 'sr-only', `${texts.you}: `), element('p', 'bubble', entry.text));
  return item;
}

function botMessage(entry, texts, log) {
  const item = element('div', 'msg msg--bot');
  const bubble = element('div', 'bubble');
  if (entry.image) bubble.append(picture(entry.image, log));
  if (entry.text) bubble.append(element('p', 'bubble__text', entry.text));
  item.append(element('span', 'sr-only', `${texts.assistant}: `), bubble);
  if (entry.buttons && entry.buttons.length > 0) {
    item.classList.add('msg--with-actions');
    item.append(buttonRows(entry.buttons, 'actions', texts));
  }
  if (entry.stale) goesStale(item, bubble, entry.stale);
  return item;
}

/** An expired till code is taken off the screen when it expires, and the message says so. */
function goesStale(item, bubble, stale) {
  const expire = () => {
    bubble.replaceChildren(element('p', 'bubble__text', stale.text));
    item.classList.add('msg--stale');
  };
  // Counted from when the page shows it: the device's clock may be wrong, its timer is not.
  if (stale.inMs <= 0) expire();
  else setTimeout(expire, stale.inMs);
}

/**
 * A drawn picture (the card's QR code) or a photo on the web (a quiz
 * question's). A photo that cannot be loaded gives way to its description,
 * so the message still reads whole and its buttons still work.
 */
function picture(image, log) {
  const photo = !image.src.startsWith('data:');
  const img = element('img', photo ? 'bubble__image bubble__image--photo' : 'bubble__image');
  img.alt = image.alt;
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.addEventListener('load', () => scrollToEnd(log), { once: true });
  img.addEventListener('error', () => img.replaceWith(element('p', 'bubble__image-missing', image.alt)), {
    once: true,
  });
  img.src = image.src;
  return img;
}

/** Rows of buttons carrying their payloads, and links to pages on the web; used under replies and in the menu. */
export function buttonRows(rows, className, texts) {
  const group = element('div', className);
  for (const row of rows) {
    const line = element('div', 'actions__row');
    for (const action of row) line.append(action.url ? linkAction(action, texts) : payloadAction(action));
    group.append(line);
  }
  return group;
}

function payloadAction({ label, payload }) {
  const button = element('button', 'action', keepEmojiWithWord(label));
  button.type = 'button';
  button.dataset.payload = payload;
  return button;
}

/**
 * A link drawn like the buttons beside it. It opens its page in a new tab,
 * says so to screen readers, and gives that page no hold on this one
 * (`noopener`) and no address to learn where the visitor came from
 * (`noreferrer`). Only https addresses get this far (chat.js drops the rest).
 */
function linkAction({ label, url }, texts) {
  const link = element('a', 'action action--link', keepEmojiWithWord(label));
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const arrow = element('span', 'action__external', '↗');
  arrow.setAttribute('aria-hidden', 'true');
  link.append(arrow);
  if (texts?.opensInNewTab) link.append(element('span', 'sr-only', ` ${texts.opensInNewTab}`));
  return link;
}

/** "💰 Balance" never wraps between the emoji and its word: the space after a leading emoji becomes a no-break space. */
function keepEmojiWithWord(label) {
  return label.replace(
    /^((?:\p{Extended_Pictographic}|\p{Regional_Indicator})[\uFE0F\u200D\p{Extended_Pictographic}]*) /u,
    '$1\u00A0',
  );
}

function typingIndicator(log) {
  const node = element('div', 'msg msg--bot msg--typing');
  node.setAttribute('aria-hidden', 'true');
  node.hidden = true;
  const bubble = element('div', 'bubble typing');
  bubble.append(element('span'), element('span'), element('span'));
  node.append(bubble);
  log.append(node);
  return node;
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollToEnd(log) {
  log.scrollTop = log.scrollHeight;
}
