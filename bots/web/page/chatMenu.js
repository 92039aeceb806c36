// The main menu as one persistent control beside the message box: the
// latest menu the assistant offered, opened and closed by the Menu button,
// instead of nine buttons under every reply.
import { buttonRows } from './chatView.js';

export function createMenu({ button, panel, texts, onChoose }) {
  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  panel.addEventListener('click', (event) => {
    const chosen = event.target instanceof Element ? event.target.closest('button[data-payload]') : null;
    if (!chosen) return;
    close();
    // The chosen item disappears with the panel; focus goes back to where the menu was opened.
    button.focus();
    onChoose(chosen.textContent, chosen.dataset.payload);
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    close();
    button.focus();
  });

  function open() {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-label', texts.closeMenu);
    panel.querySelector('button')?.focus();
  }

  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-label', texts.menu);
  }

  return {
    /** Shows these rows as the menu; no rows (before registration) hides the control. */
    show(rows) {
      panel.replaceChildren(...(rows.length > 0 ? [buttonRows(rows, 'actions chat__menu-items', texts)] : []));
      button.hidden = rows.length === 0;
      if (rows.length === 0) close();
    },
    relabel: () => button.setAttribute('aria-label', panel.hidden ? texts.menu : texts.closeMenu),
  };
}
