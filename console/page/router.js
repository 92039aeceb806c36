// The console's sections, each a module of its own, and what a role needs
// to see it. The API checks the same permission on every call; the page only
// leaves out what the role cannot use. An address below a section
// (`#/members/<id>`) belongs to it; what follows `?` is the page's own state.
import * as accounts from './pages/accounts.js';
import * as analytics from './pages/analytics.js';
import * as audit from './pages/audit.js';
import * as automations from './pages/automations.js';
import * as campaigns from './pages/campaigns.js';
import * as contests from './pages/contests.js';
import * as desk from './pages/desk.js';
import * as draws from './pages/draws.js';
import * as home from './pages/home.js';
import * as members from './pages/members.js';
import * as password from './pages/password.js';
import * as program from './pages/program.js';
import * as quizzes from './pages/quizzes.js';
import * as segments from './pages/segments.js';
import * as surveys from './pages/surveys.js';

export const sections = [
  { path: '', label: 'nav.home', page: home },
  { path: 'desk', label: 'nav.desk', permission: 'desk', page: desk },
  { path: 'members', label: 'nav.members', permission: 'members', page: members },
  { path: 'program', label: 'nav.program', permission: 'program', page: program },
  { path: 'quizzes', label: 'nav.quizzes', permission: 'quizzes', page: quizzes },
  { path: 'surveys', label: 'nav.surveys', permission: 'reports', page: surveys },
  { path: 'analytics', label: 'nav.analytics', permission: 'reports', page: analytics },
  { path: 'segments', label: 'nav.segments', permission: 'campaigns', page: segments },
  { path: 'campaigns', label: 'nav.campaigns', permission: 'campaigns', page: campaigns },
  { path: 'automations', label: 'nav.automations', permission: 'campaigns', page: automations },
  // Reading draws is `reports`; the page offers creating (`contests`) and running (`admin`) to those who may.
  { path: 'draws', label: 'nav.draws', permission: 'reports', page: draws },
  // Support moderates entries but reads no reports: the page shows each part to the role that may use it.
  { path: 'contests', label: 'nav.contests', permission: 'moderation', page: contests },
  { path: 'accounts', label: 'nav.accounts', permission: 'admin', page: accounts },
  { path: 'audit', label: 'nav.audit', permission: 'admin', page: audit },
  { path: 'password', label: 'nav.password', page: password },
];

export function sectionsFor(session) {
  return sections.filter((section) => !section.permission || session.permissions.includes(section.permission));
}

/** The section an address belongs to, among those the session may see; null when none. */
export function sectionAt(session, path) {
  const top = path.split('/')[0];
  return sectionsFor(session).find((section) => section.path === top) ?? null;
}

export function currentPath() {
  return location.hash.replace(/^#\/?/, '').split('?')[0];
}

/** The page's own state in the address, after `?`: a search, say, kept for the Back button. */
export function currentQuery() {
  const hash = location.hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}
