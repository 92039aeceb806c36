// A new contest (#/contests/new): its title and rules per language, the
// submission and voting windows in the reader's own time, the votes each
// member has, up to three prizes and whether voters see the authors' names.
// What the API refuses is marked at its field, worded from the reason.
import { api, ApiError } from '../api.js';
import { el, field, heading, notice, refusedNotice } from '../dom.js';
import { language, t } from '../i18n.js';

const LANGUAGES = ['ru', 'ro', 'en'];
const WINDOWS = ['submissionsOpenAt', 'submissionsCloseAt', 'votingOpensAt', 'votingClosesAt'];
const PRIZES = 3;

export function render() {
  const places = new Map();
  const showNames = el('input', { type: 'checkbox', id: 'contest-show-names' });
  const message = el('div', { class: 'form__message' });
  const node = el(
    'form',
    { class: 'form', novalidate: true },
    ...fields(places),
    el('p', {}, showNames, ' ', el('label', { for: showNames.id, text: t('contests.form.showAuthorNames') })),
    message,
    el('button', { type: 'submit', class: 'primary', text: t('contests.form.create') }),
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const built of places.values()) built.error(null);
    message.replaceChildren();
    try {
      const created = await api('POST', '/contests', body(places, showNames.checked));
      location.hash = `#/contests/${encodeURIComponent(created.id)}`;
    } catch (error) {
      message.replaceChildren(refusal(error, places));
    }
  });
  return el(
    'section',
    { class: 'contests' },
    el('p', {}, el('a', { href: '#/contests', text: t('contests.standings.back') })),
    heading(t('contests.form.heading')),
    node,
  );
}

/** The form's fields, each kept in `places` by the JSON pointer the API names it with. */
function fields(places) {
  const input = (pointer, label, attributes) => {
    const built = field(label, attributes);
    places.set(pointer, built);
    return built.wrapper;
  };
  const texts = (name, tag) =>
    el(
      'fieldset',
      {},
      el('legend', { text: t(`contests.form.${name}`) }),
      ...LANGUAGES.map((locale) => input(`/${name}/${locale}`, t(`contests.form.languages.${locale}`), { tag })),
    );
  const prize = (index) =>
    el(
      'fieldset',
      {},
      el('legend', { text: t('contests.form.prize', { n: index + 1 }) }),
      input(`/prizes/${index}/name`, t('contests.form.prizeName'), {}),
      input(`/prizes/${index}/count`, t('contests.form.prizeCount'), { type: 'number', min: 1, value: 1 }),
      input(`/prizes/${index}/points`, t('contests.form.prizePoints'), { type: 'number', min: 1 }),
    );
  return [
    texts('title', 'input'),
    texts('rules', 'textarea'),
    ...WINDOWS.map((name) => input(`/${name}`, t(`contests.form.windows.${name}`), { type: 'datetime-local' })),
    input('/votesPerMember', t('contests.form.votesPerMember'), { type: 'number', min: 1, max: 10, value: 1 }),
    ...Array.from({ length: PRIZES }, (_, index) => prize(index)),
  ];
}

function body(places, showAuthorNames) {
  const value = (pointer) => places.get(pointer).input.value.trim();
  const texts = (name) =>
    Object.fromEntries(LANGUAGES.map((locale) => [locale, value(`/${name}/${locale}`)]).filter(([, text]) => text));
  const number = (pointer) => (value(pointer) === '' ? undefined : Number(value(pointer)));
  const rules = texts('rules');
  const prizes = Array.from({ length: PRIZES }, (_, index) => index)
    .filter((index) => index === 0 || value(`/prizes/${index}/name`) !== '')
    .map((index) => ({
      name: value(`/prizes/${index}/name`) ? { [language()]: value(`/prizes/${index}/name`) } : {},
      count: number(`/prizes/${index}/count`),
      points: number(`/prizes/${index}/points`),
    }));
  return {
    title: texts('title'),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...Object.fromEntries(WINDOWS.map((name) => [name, isoFromLocal(value(`/${name}`))])),
    votesPerMember: number('/votesPerMember'),
    prizes,
    showAuthorNames,
  };
}

/** A datetime-local value (the reader's wall clock) as an ISO instant; an empty one stays empty for the API to refuse. */
function isoFromLocal(text) {
  const at = new Date(text);
  return text && !Number.isNaN(at.getTime()) ? at.toISOString() : '';
}

function refusal(error, places) {
  if (!(error instanceof ApiError)) return notice(t('errors.generic'), 'error');
  if (error.status === 403) return notice(t('errors.forbidden'), 'error');
  if (error.status !== 400 || !Array.isArray(error.problem.errors))
    return notice(t(error.status === 0 ? 'errors.network' : 'errors.generic'), 'error');
  const unplaced = [];
  let first = null;
  for (const problem of error.problem.errors) {
    const built = nearest(places, String(problem.pointer ?? ''));
    if (!built) unplaced.push(problem);
    else {
      built.error(problemText(problem));
      first ??= built;
    }
  }
  first?.input.focus();
  return refusedNotice(t('contests.form.invalid'), unplaced, problemText);
}

/** The field a pointer names, or the first field of the group it names (`/title` marks the first language). */
function nearest(places, pointer) {
  if (places.has(pointer)) return places.get(pointer);
  return [...places.entries()].find(([key]) => key.startsWith(`${pointer}/`))?.[1] ?? null;
}

function problemText(problem) {
  const key = `contests.form.problems.${problem.reason ?? 'invalid'}`;
  const worded = t(key, { limit: problem.limit ?? '' });
  return worded === key ? t('contests.form.problems.invalid') : worded;
}
