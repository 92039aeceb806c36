// How members enter a new draw: by purchases (one entry per purchase of at
// least an amount, or one per each amount spent), by a "Take part" button in
// chat, or by completing a quiz. Amounts are typed in money and sent in
// minor units.
import { el, field, selectField } from '../dom.js';
import { t } from '../i18n.js';
import { choice, messagePlace, place } from './drawFields.js';

export function entryPart(quizzes, part) {
  const kind = choice(['purchase', 'optIn', 'quiz'].map((value) => [value, `draws.form.kinds.${value}`]));
  const basis = choice([
    ['minAmount', 'draws.form.minAmount'],
    ['perAmount', 'draws.form.perAmount'],
  ]);
  const amount = field(t('draws.form.amount'), { type: 'number', min: 0.01, step: 0.01, inputmode: 'decimal' });
  const quiz = quizChoice(quizzes);
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
  const shown = [selectField(t('draws.form.kind'), kind), basisField, amount.wrapper, quizField, quizError];
  return {
    node: part('entry', [...shown, entryError]),
    read: () => {
      if (kind.value === 'optIn') return { entry: { kind: 'optIn' } };
      if (kind.value === 'quiz') return { entry: { kind: 'quiz', quizId: quiz.value.trim() } };
      // Typed in money, sent in minor units; an empty box is sent as null for the API to refuse.
      const value = amount.input.value === '' ? null : Math.round(Number(amount.input.value) * 100);
      return { entry: { kind: 'purchase', [basis.value]: value } };
    },
    controls: () => [
      ['/entry', messagePlace(kind, entryError)],
      ['/entry/minAmount', amountPlace],
      ['/entry/perAmount', amountPlace],
      ['/entry/quizId', messagePlace(quiz, quizError)],
    ],
  };
}

/** The quizzes to choose from; without the right to list them, a box for the quiz's id. */
function quizChoice(quizzes) {
  if (quizzes.length === 0) return el('input', { type: 'text', autocomplete: 'off' });
  return el('select', {}, ...quizzes.map((one) => el('option', { value: one.id, text: quizTitle(one) })));
}

function quizTitle(quiz) {
  return Object.values(quiz.title ?? {}).find(Boolean) ?? quiz.id;
}
