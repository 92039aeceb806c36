// Small helpers to build the page. Server text is only ever set as
// textContent, never parsed as HTML.
import { t } from './i18n.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

let fields = 0;

/** A labelled input; `error` shows the message for this field, tied to it for screen readers. */
export function field(label, attributes = {}) {
  fields += 1;
  const id = `field-${fields}`;
  const hint = el('span', { class: 'field__error', id: `${id}-error` });
  const input = el(attributes.tag ?? 'input', { id, 'aria-describedby': `${id}-error`, ...attributes, tag: undefined });
  const wrapper = el('div', { class: 'field' }, el('label', { for: id, text: label }), input, hint);
  return {
    wrapper,
    input,
    error(message) {
      hint.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** A labelled select, its label tied to it by id. */
export function selectField(label, select) {
  fields += 1;
  select.id = `field-${fields}`;
  return el('div', { class: 'field' }, el('label', { for: select.id, text: label }), select);
}

/** A page heading, focused so a screen reader announces the page that opened. */
export function heading(text) {
  return el('h1', { tabindex: '-1', text });
}

export function notice(text, kind = 'info') {
  return el('p', { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

/**
 * The error notice of a refused form, listing the problems no field showed,
 * each with the pointer it names and `wording(problem)`.
 */
export function refusedNotice(text, unplaced, wording) {
  const box = notice(text, 'error');
  if (unplaced.length > 0)
    box.append(
      el('ul', {}, ...unplaced.map((problem) => el('li', { text: `${problem.pointer || '/'}: ${wording(problem)}` }))),
    );
  return box;
}

/** Hands a downloaded file to the browser to save, through a link that exists only for the click. */
export function saveFile({ blob, name }) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading it; a minute later nobody needs the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function table(caption, head, rows) {
  // Scrolls sideways on a phone: focusable and named, so a keyboard can scroll it too.
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      {},
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, ...head.map((text) => el('th', { scope: 'col', text })))),
      el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, cell))))),
    ),
  );
}

/**
 * A form of labelled fields and one submit button. `submit` gets the values
 * by name; what it throws with `fields` (an ApiError) marks those fields,
 * and its message is shown above the button.
 */
export function form({ fields: specs, submitLabel, submit, messageFor }) {
  const built = specs.map((spec) => ({ spec, ...field(spec.label, spec.attributes) }));
  const message = el('div', { class: 'form__message' });
  const button = el('button', { type: 'submit', class: 'primary', text: submitLabel });
  const node = el('form', { class: 'form', novalidate: true }, ...built.map((item) => item.wrapper), message, button);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    built.forEach((item) => item.error(null));
    message.replaceChildren();
    const values = Object.fromEntries(built.map((item) => [item.spec.name, item.input.value]));
    // Checked here first, so the person reads the reason in their language before anything is sent.
    const invalid = built.filter((item) => {
      const problem = localProblem(item.input);
      item.error(problem);
      return problem !== null;
    });
    if (invalid.length > 0) {
      message.replaceChildren(notice(t('errors.fields'), 'error'));
      invalid[0].input.focus();
      return;
    }
    button.disabled = true;
    try {
      await submit(values, node);
    } catch (error) {
      const marked = error?.fields ?? {};
      for (const item of built) if (marked[item.spec.name]) item.error(marked[item.spec.name]);
      message.replaceChildren(notice(messageFor(error), 'error'));
      built.find((item) => marked[item.spec.name])?.input.focus();
    } finally {
      button.disabled = false;
    }
  });
  return node;
}

function localProblem(input) {
  const value = input.value.trim();
  if (input.hasAttribute('required') && value === '') return t('errors.required');
  const min = Number(input.getAttribute('minlength') ?? 0);
  if (min > 0 && input.value.length < min) return t('errors.tooShort');
  return null;
}
