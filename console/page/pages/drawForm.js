// A new draw, in the shape of POST /api/v1/draws: title and rules in three
// languages, the prizes in the order winners take them, how members enter,
// the window and the draw time, and an optional public beacon. The server
// answers the commitment at once; the API's field problems are shown at the
// inputs they name.
import { api, ApiError } from '../api.js';
import { el, field, heading, notice } from '../dom.js';
import { t } from '../i18n.js';
import { markProblems } from './quizProblems.js';
import { localizedText } from './quizTexts.js';
import { entryPart } from './drawEntry.js';
import { place } from './drawFields.js';
import { prizesPart } from './drawPrize.js';
import { isoFromLocal, localInputValue, problemText } from './drawWords.js';

const HOUR_MS = 3_600_000;

export async function render(context) {
  const quizzes = context.session.permissions.includes('quizzes') ? (await api('GET', '/quizzes')).quizzes : [];
  const parts = [textsPart(), prizesPart(part), entryPart(quizzes, part), timesPart(), beaconPart()];
  const read = () => Object.assign({}, ...parts.map((part) => part.read()));
  const message = el('div', { class: 'form__message' });
  const submit = el('button', { type: 'submit', class: 'primary', text: t('draws.form.create') });
  const node = el(
    'form',
    { class: 'draw__form', novalidate: true },
    ...parts.map((part) => part.node),
    message,
    submit,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    submit.disabled = true;
    try {
      const draw = await api('POST', '/draws', read());
      location.hash = `#/draws/${encodeURIComponent(draw.id)}?created=1`;
    } catch (error) {
      message.replaceChildren(refusal(error, new Map(parts.flatMap((part) => part.controls()))));
    } finally {
      submit.disabled = false;
    }
  });
  return el(
    'section',
    { class: 'draw' },
    el('p', {}, el('a', { href: '#/draws', text: t('draws.back') })),
    heading(t('draws.form.heading')),
    el('p', { text: t('draws.form.intro') }),
    node,
  );
}

function refusal(error, places) {
  if (error instanceof ApiError && error.status === 400 && Array.isArray(error.problem.errors)) {
    const { unplaced, first } = markProblems(error.problem.errors, places, (problem) => problemText(problem));
    first?.focus();
    const box = notice(t('draws.form.invalid'), 'error');
    if (unplaced.length > 0)
      box.append(el('ul', {}, ...unplaced.map((problem) => el('li', { text: problemText(problem) }))));
    return box;
  }
  if (error instanceof ApiError && error.status === 403) return notice(t('errors.forbidden'), 'error');
  return notice(t(error instanceof ApiError && error.status === 0 ? 'errors.network' : 'errors.generic'), 'error');
}

export function part(legendKey, children) {
  return el(
    'fieldset',
    { class: 'draw__part panel' },
    el('legend', { text: t(`draws.form.${legendKey}`) }),
    ...children,
  );
}

function textsPart() {
  const title = localizedText({ legend: t('draws.form.title'), maxlength: 200 });
  const rules = localizedText({ legend: t('draws.form.rules'), maxlength: 4000, multiline: true });
  return {
    node: part('texts', [title.node, rules.node]),
    read: () => ({ title: title.read(), ...(rules.isEmpty() ? {} : { rules: rules.read() }) }),
    controls: () => [...title.controls('/title'), ...rules.controls('/rules')],
  };
}

function timesPart() {
  const opens = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  const defaults = { opensAt: opens, closesAt: opens + 7 * 24 * HOUR_MS, drawAt: opens + 7 * 24 * HOUR_MS + HOUR_MS };
  const fields = Object.entries(defaults).map(([key, at]) => {
    const made = field(t(`draws.form.${key}`), { type: 'datetime-local', required: true });
    made.input.value = localInputValue(new Date(at));
    return [key, made];
  });
  return {
    node: part('times', [
      el('p', { class: 'field__help', text: t('draws.form.timesHelp') }),
      ...fields.map(([, made]) => made.wrapper),
    ]),
    read: () => Object.fromEntries(fields.map(([key, made]) => [key, isoFromLocal(made.input.value)])),
    controls: () => fields.map(([key, made]) => [`/${key}`, place(made)]),
  };
}

function beaconPart() {
  const source = field(t('draws.form.beaconSource'), { type: 'text', maxlength: 200, autocomplete: 'off' });
  const published = el('input', { type: 'checkbox', id: 'draw-published', checked: true });
  return {
    node: part('fairness', [
      el('p', { class: 'field__help', text: t('draws.form.beaconHelp') }),
      source.wrapper,
      el(
        'div',
        { class: 'field field--check' },
        published,
        el('label', { for: 'draw-published', text: t('draws.form.published') }),
      ),
    ]),
    read: () => ({
      ...(source.input.value.trim() ? { beaconSource: source.input.value.trim() } : {}),
      published: published.checked,
    }),
    controls: () => [['/beaconSource', place(source)]],
  };
}
