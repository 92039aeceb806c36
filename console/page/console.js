// Boots the console: the language, the session, then the page the address
// names. Signed out, it offers the sign-in (or the first run, before there
// is an owner); a set-up link opens its own page.
import { api, ApiError, useCsrfToken } from './api.js';
import { el } from './dom.js';
import { language, loadTexts, t } from './i18n.js';
import * as firstRun from './pages/firstRun.js';
import * as setUp from './pages/setUp.js';
import * as signInPage from './pages/signIn.js';
import { currentPath, sectionAt, sectionsFor } from './router.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const picker = document.getElementById('language');
const status = document.getElementById('status');
let session = null;

const context = {
  api,
  t,
  get session() {
    return session;
  },
  signedIn: async (body) => {
    useSession(body);
    if (body.account.locale !== language()) await loadTexts(body.account.locale);
    location.hash = '#/';
    await render();
  },
  say: (text) => {
    status.textContent = text;
  },
  /** An error the page did not expect: the session ended, or the server could not be reached. */
  failed: async (error) => {
    if (error instanceof ApiError && error.status === 401 && session) {
      session = null;
      context.say(t('errors.ended'));
      await render();
      return;
    }
    context.say(error instanceof ApiError && error.status === 0 ? t('errors.network') : t('errors.generic'));
  },
};

function useSession(body) {
  session = body;
  useCsrfToken(body.csrfToken);
}

async function boot() {
  const remembered = localStorage.getItem('console.lang');
  await loadTexts(remembered ?? document.documentElement.lang);
  try {
    useSession(await api('GET', '/session'));
    if (session.account.locale !== language()) await loadTexts(session.account.locale);
  } catch {
    session = null;
  }
  picker.addEventListener('change', () => changeLanguage(picker.value));
  window.addEventListener('hashchange', () => render());
  await render();
}

async function changeLanguage(locale) {
  localStorage.setItem('console.lang', locale);
  await loadTexts(locale);
  if (session) useSession(await api('PUT', '/session/locale', { locale }).catch(() => session));
  await render();
}

async function render() {
  document.title = t('title');
  document.getElementById('title').textContent = t('title');
  document.getElementById('skip').textContent = t('skip');
  document.getElementById('language-label').textContent = t('language');
  picker.value = language();
  const path = currentPath();
  const page = pageFor(path);
  drawNav(path);
  main.replaceChildren(el('p', { class: 'loading', 'aria-busy': 'true' }));
  try {
    const content = await page.render(context, path);
    main.replaceChildren(...[content].flat());
  } catch (error) {
    main.replaceChildren();
    await context.failed(error);
  }
  main.querySelector('h1')?.focus();
}

function pageFor(path) {
  if (path.startsWith('setup/')) return setUp;
  if (!session) return { render: signedOutPage };
  return (sectionAt(session, path) ?? sectionsFor(session)[0]).page;
}

async function signedOutPage(ctx) {
  const { ownerExists } = await api('GET', '/console');
  return ownerExists ? signInPage.render(ctx) : firstRun.render(ctx);
}

function drawNav(path) {
  nav.hidden = !session;
  if (!session) return nav.replaceChildren();
  const current = sectionAt(session, path);
  const links = sectionsFor(session).map((section) =>
    el('a', {
      href: `#/${section.path}`,
      text: t(section.label),
      'aria-current': section === current ? 'page' : undefined,
    }),
  );
  const signOut = el('button', {
    type: 'button',
    class: 'link',
    text: t('nav.signOut'),
    onclick: async () => {
      await api('DELETE', '/session').catch(() => undefined);
      session = null;
      location.hash = '#/';
      await render();
    },
  });
  nav.setAttribute('aria-label', t('nav.label'));
  nav.replaceChildren(el('ul', {}, ...[...links, signOut].map((item) => el('li', {}, item))));
}

boot();
