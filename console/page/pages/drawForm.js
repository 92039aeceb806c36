// A new draw, in the shape of POST /api/v1/draws: title and rules in three
// languages, the prizes in the order winners take them, how members enter,
// the window and the draw time, and an optional public beacon. The server
// answers the commitment at once; the API's field problems are shown at the
// inputs they name.
import { api, ApiError } from '../api.js';
import { el, field, heading, notice, selectField } from '../dom.js';
import { t } from '../i18n.js';
import { markProblems } from './quizProblems.js';
import { growingList } from './quizRows.js';
import { localizedText } from './quizTexts.js';
import { isoFromLocal, localInputValue, problemText } from './drawWords.js';

const HOUR_MS = 3_600_000;
const PRIZES_MAX = 20;

export async function render(context) {
  const quizzes = context.session.permissions.includes('quizzes') ? (await api('GET', '/quizzes')).quizzes : [];
  const parts = [textsPart(), prizesPart(), entryPart(quizzes), timesPart(), beaconPart()];
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

function part(legendKey, children) {
  return el(
    'fieldset',
    { class: 'draw__part panel' },
    el('legend', { text: t(`draws.form.${legendKey}`) }),
    ...children,
  );
}

function place(made) {
  return { kind: 'field', focus: () => made.input.focus(), mark: (message) => made.error(message) };
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

function prizesPart() {
  const list = el('div', { class: 'draw__prizes' });
  const add = el('button', { type: 'button', text: t('draws.form.addPrize') });
  const error = el('p', { class: 'field__error' });
  const make = (_prize, remove) => prizeEditor(remove);
  const editors = growingList({ list, add, max: PRIZES_MAX, onChange: () => {}, make });
  editors.fill([{}]);
  const whole = { kind: 'prizes', focus: () => add.focus(), mark: (text) => (error.textContent = text ?? '') };
  return {
    node: part('prizes', [el('p', { class: 'field__help', text: t('draws.form.prizesHelp') }), list, error, add]),
    read: () => ({ prizes: editors.items.map((editor) => editor.read()) }),
    controls: () => [
      ['/prizes', whole],
      ...editors.items.flatMap((editor, index) => editor.controls(`/prizes/${index}`)),
    ],
  };
}

function prizeEditor(remove) {
  const name = localizedText({ legend: t('draws.form.prizeName'), maxlength: 200 });
  const count = field(t('draws.form.prizeCount'), { type: 'number', min: 1, max: 1000, step: 1, inputmode: 'numeric' });
  count.input.value = '1';
  const kind = el(
    'select',
    {},
    el('option', { value: 'points', text: t('draws.form.prizePoints') }),
    el('option', { value: 'code', text: t('draws.form.prizeCode') }),
  );
  const points = field(t('draws.form.points'), { type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const show = () => (points.wrapper.hidden = kind.value !== 'points');
  kind.addEventListener('change', show);
  show();
  const legend = el('legend');
  const removeButton = el('button', { type: 'button', text: t('draws.form.removePrize'), onclick: remove });
  const node = el(
    'fieldset',
    { class: 'draw__prize' },
    legend,
    name.node,
    count.wrapper,
    selectField(t('draws.form.prizeKind'), kind),
    points.wrapper,
    removeButton,
  );
  const number = (input) => (input.value === '' ? null : Number(input.value));
  return {
    node,
    focus: () => name.controls('')[0][1].focus(),
    // A draw needs one prize at least: the only one cannot be removed.
    renumber: (n, count) => {
      legend.textContent = t('draws.form.prize', { n });
      removeButton.hidden = count <= 1;
    },
    read: () => ({
      name: name.read(),
      count: number(count.input),
      ...(kind.value === 'points' ? { points: number(points.input) } : {}),
    }),
    controls: (pointer) => [
      ...name.controls(`${pointer}/name`),
      [`${pointer}/count`, place(count)],
      [`${pointer}/points`, place(points)],
    ],
  };
}

function entryPart(quizzes) {
  const kind = el(
    'select',
    {},
    ...['purchase', 'optIn', 'quiz'].map((value) => el('option', { value, text: t(`draws.form.kinds.${value}`) })),
  );
  const basis = el(
    'select',
    {},
    el('option', { value: 'minAmount', text: t('draws.form.minAmount') }),
    el('option', { value: 'perAmount', text: t('draws.form.perAmount') }),
  );
  const amount = field(t('draws.form.amount'), { type: 'number', min: 0.01, step: 0.01, inputmode: 'decimal' });
  const quiz =
    quizzes.length > 0
      ? el('select', {}, ...quizzes.map((one) => el('option', { value: one.id, text: quizTitle(one) })))
      : el('input', { type: 'text', autocomplete: 'off' });
  const basisField = selectField(t('draws.form.basis'), basis);
  const quizField = selectField(t('draws.form.quiz'), quiz);
  const quizError = el('p', { class: 'field__error' });
  const show = () => {
    basisField.hidden = amount.wrapper.hidden = kind.value !== 'purchase';
    quizField.hidden = quizError.hidden = kind.value !== 'quiz';
  };
  kind.addEventListener('change', show);
  show();
  const entryError = el('p', { class: 'field__error' });
  const amountPlace = place(amount);
  return {
    node: part('entry', [
      selectField(t('draws.form.kind'), kind),
      basisField,
      amount.wrapper,
      quizField,
      quizError,
      entryError,
    ]),
    read: () => {
      if (kind.value === 'optIn') return { entry: { kind: 'optIn' } };
      if (kind.value === 'quiz') return { entry: { kind: 'quiz', quizId: quiz.value.trim() } };
      // Typed in money, sent in minor units; an empty box is sent as null for the API to refuse.
      const value = amount.input.value === '' ? null : Math.round(Number(amount.input.value) * 100);
      return { entry: { kind: 'purchase', [basis.value]: value } };
    },
    controls: () => [
      ['/entry', { kind: 'entry', focus: () => kind.focus(), mark: (text) => (entryError.textContent = text ?? '') }],
      ['/entry/minAmount', amountPlace],
      ['/entry/perAmount', amountPlace],
      [
        '/entry/quizId',
        { kind: 'quiz', focus: () => quiz.focus(), mark: (text) => (quizError.textContent = text ?? '') },
      ],
    ],
  };
}

function quizTitle(quiz) {
  return Object.values(quiz.title ?? {}).find(Boolean) ?? quiz.id;
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
