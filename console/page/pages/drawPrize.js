// The prizes of a new draw, in the order winners take them: each a name in
// three languages, a number of winners, and points on the card or a prize
// code for the till. A draw has one prize at least and twenty at most.
import { el, field, selectField } from '../dom.js';
import { t } from '../i18n.js';
import { choice, messagePlace, place } from './drawFields.js';
import { growingList } from './quizRows.js';
import { localizedText } from './quizTexts.js';

const PRIZES_MAX = 20;

/** An empty box is sent as null, for the API to say a number is needed. */
const number = (input) => (input.value === '' ? null : Number(input.value));

export function prizesPart(part) {
  const list = el('div', { class: 'draw__prizes' });
  const add = el('button', { type: 'button', text: t('draws.form.addPrize') });
  const error = el('p', { class: 'field__error' });
  const make = (_prize, remove) => prizeEditor(remove);
  const editors = growingList({ list, add, max: PRIZES_MAX, onChange: () => {}, make });
  editors.fill([{}]);
  return {
    node: part('prizes', [el('p', { class: 'field__help', text: t('draws.form.prizesHelp') }), list, error, add]),
    read: () => ({ prizes: editors.items.map((editor) => editor.read()) }),
    controls: () => [
      ['/prizes', messagePlace(add, error)],
      ...editors.items.flatMap((editor, index) => editor.controls(`/prizes/${index}`)),
    ],
  };
}

/** Points on the card (how many) or a prize code: the points box shows for points only. */
function prizeKind() {
  const kind = choice([
    ['points', 'draws.form.prizePoints'],
    ['code', 'draws.form.prizeCode'],
  ]);
  const points = field(t('draws.form.points'), { type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const show = () => (points.wrapper.hidden = kind.value !== 'points');
  kind.addEventListener('change', show);
  show();
  return { kind, points };
}

function prizeEditor(remove) {
  const name = localizedText({ legend: t('draws.form.prizeName'), maxlength: 200 });
  const count = field(t('draws.form.prizeCount'), { type: 'number', min: 1, max: 1000, step: 1, inputmode: 'numeric' });
  count.input.value = '1';
  const { kind, points } = prizeKind();
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
