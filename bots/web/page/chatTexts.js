// Re-labels the page when the visitor switches language in the chat: the
// server sends the page's texts with every answer.

/** Applies `{ lang, texts }` to the document: marked elements, the title, and the texts the scripts use. */
export function applyPageTexts(page, root, texts) {
  if (!page || typeof page.lang !== 'string' || typeof page.texts !== 'object' || page.texts === null) return false;
  const known = (key) => typeof page.texts[key] === 'string';
  if (page.lang === document.documentElement.lang) return false;
  document.documentElement.lang = page.lang;
  if (known('title')) document.title = page.texts.title;
  for (const [key, value] of Object.entries(page.texts)) if (typeof value === 'string') texts[key] = value;
  root
    .querySelectorAll('[data-text]')
    .forEach((node) => known(node.dataset.text) && (node.textContent = page.texts[node.dataset.text]));
  root
    .querySelectorAll('[data-label]')
    .forEach((node) => known(node.dataset.label) && node.setAttribute('aria-label', page.texts[node.dataset.label]));
  root
    .querySelectorAll('[data-placeholder]')
    .forEach((node) => known(node.dataset.placeholder) && (node.placeholder = page.texts[node.dataset.placeholder]));
  root
    .querySelectorAll('[title][data-label]')
    .forEach((node) => known(node.dataset.label) && (node.title = page.texts[node.dataset.label]));
  return true;
}
