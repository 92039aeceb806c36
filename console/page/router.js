// The console's sections, each a module of its own, and what a role needs
// to see it. The API checks the same permission on every call; the page only
// leaves out what the role cannot use.
import * as accounts from './pages/accounts.js';
import * as audit from './pages/audit.js';
import * as desk from './pages/desk.js';
import * as home from './pages/home.js';
import * as password from './pages/password.js';
import * as program from './pages/program.js';
import * as surveys from './pages/surveys.js';

export const sections = [
  { path: '', label: 'nav.home', page: home },
  { path: 'desk', label: 'nav.desk', permission: 'desk', page: desk },
  { path: 'program', label: 'nav.program', permission: 'program', page: program },
  { path: 'surveys', label: 'nav.surveys', permission: 'reports', page: surveys },
  { path: 'accounts', label: 'nav.accounts', permission: 'admin', page: accounts },
  { path: 'audit', label: 'nav.audit', permission: 'admin', page: audit },
  { path: 'password', label: 'nav.password', page: password },
];

export function sectionsFor(session) {
  return sections.filter((section) => !section.permission || session.permissions.includes(section.permission));
}

/** The section's path, without a query (`desk?ticket=…` opens the desk at that ticket). */
export function currentPath() {
  return location.hash.replace(/^#\/?/, '').split('?')[0];
}

/** A value of the hash's query: `#/desk?ticket=<id>` names the ticket to open. */
export function hashParam(name) {
  const query = location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}
