// Up to three buttons under a campaign's message: each a label in the three
// languages and what it does: opens a screen of the menu, starts a quiz, or
// opens a web page (https only). Members also get "Stop these messages" as
// the last button, added by the sender, not here.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { growingList } from './quizRows.js';
import { textIn } from './quizWords.js';
import { languageTexts, markAt, uniqueId } from './campaignTexts.js';
import { MENU_ACTIONS } from './campaignWords.js';

export const MAX_BUTTONS = 3;
const KINDS = ['menu', 'quiz', 'url'];

/** The buttons part of the form; `quizzes` are those a button may start. */
export function buttonsPart(given, quizzes, onChange) {
  const list = el('div', { class: 'campaign__buttons' });
  const add = el('button', { type: 'button', text: t('campaigns.editor.addButton') });
  const error = el('p', { class: 'field__error', id: uniqueId('buttons-error') });
  const rows = growingList({
    list,
    add,
    max: MAX_BUTTONS,
    onChange,
    make: (value, remove) => buttonEditor(value, quizzes, remove),
  });
  rows.fill(given);
  const group = { focus: () => add.focus(), mark: (message) => markAt(null, error, message) };
  return {
    nodes: [el('p', { class: 'field__help', text: t('campaigns.editor.buttonsHelp') }), list, error, add],
    read: () => ({ buttons: rows.items.map((row) => row.read()) }),
    /** Only the buttons the preview can show: labelled, and told what to do. */
    complete: () => rows.items.map((row) => row.read()).filter(isComplete),
    places: () => [['/buttons', group], ...rows.items.flatMap((row, index) => row.places(`/buttons/${index}`))],
  };
}

function isComplete(button) {
  const { action } = button;
  const done = action.kind === 'url' ? /^https:\/\/\S+$/.test(action.url) : Boolean(action.action ?? action.quizId);
  return Object.keys(button.label).length > 0 && done;
}

function buttonEditor(button = { label: {}, action: { kind: 'menu', action: 'balance' } }, quizzes, remove) {
  const legend = el('legend');
  const label = languageTexts({ legend: t('campaigns.editor.buttonLabel'), value: button.label, maxlength: 40 });
  const action = actionControls(button.action, quizzes);
  const removeButton = el('button', { type: 'button', class: 'link' });
  removeButton.addEventListener('click', remove);
  const node = el('fieldset', { class: 'panel campaign__button' }, legend, label.node, ...action.nodes, removeButton);
  return {
    node,
    focus: label.focus,
    renumber: (number) => {
      legend.textContent = t('campaigns.editor.button', { number });
      removeButton.textContent = t('campaigns.editor.removeButton', { number });
    },
    read: () => ({ label: label.read(), action: action.read() }),
    places: (pointer) => [...label.places(`${pointer}/label`), ...action.places(`${pointer}/action`)],
  };
}

/** The kind of action and, shown for that kind alone, the screen, the quiz or the address. */
function actionControls(action, quizzes) {
  const kind = choice(
    'actionKind',
    KINDS.map((value) => [value, t(`campaigns.editor.actionKinds.${value}`)]),
  );
  const screen = choice(
    'menuAction',
    MENU_ACTIONS.map((value) => [value, t(`campaigns.menuActions.${value}`)]),
  );
  const quizOptions = quizzes.map((quiz) => [quiz.id, textIn(quiz.title) || t('campaigns.editor.untitledQuiz')]);
  const quiz = choice('quiz', [['', t('campaigns.editor.chooseQuiz')], ...quizOptions]);
  const url = control('url', el('input', { type: 'url', inputmode: 'url', maxlength: 2000, autocomplete: 'off' }));
  fill(action, { kind, screen, quiz, url }, quizzes);
  const shown = { menu: screen, quiz, url };
  const show = () => Object.entries(shown).forEach(([key, part]) => (part.wrapper.hidden = key !== kind.input.value));
  kind.input.addEventListener('change', show);
  show();
  return {
    nodes: [kind.wrapper, screen.wrapper, quiz.wrapper, url.wrapper],
    read: () => {
      const chosen = kind.input.value;
      if (chosen === 'menu') return { kind: chosen, action: screen.input.value };
      if (chosen === 'quiz') return { kind: chosen, quizId: quiz.input.value };
      return { kind: chosen, url: url.input.value.trim() };
    },
    places: (pointer) => [
      [pointer, kind.place],
      [`${pointer}/kind`, kind.place],
      [`${pointer}/action`, screen.place],
      [`${pointer}/quizId`, quiz.place],
      [`${pointer}/url`, url.place],
    ],
  };
}

/** The controls set to the action as saved; a quiz deleted since stays on show, named as gone. */
function fill(action, { kind, screen, quiz, url }, quizzes) {
  kind.input.value = action.kind;
  if (action.kind === 'menu') screen.input.value = action.action;
  if (action.kind === 'url') url.input.value = action.url;
  if (action.kind !== 'quiz') return;
  if (!quizzes.some((one) => one.id === action.quizId))
    quiz.input.append(el('option', { value: action.quizId, text: t('campaigns.editor.quizGone') }));
  quiz.input.value = action.quizId;
}

function choice(key, options) {
  return control(key, el('select', {}, ...options.map(([value, text]) => el('option', { value, text }))));
}

/** A labelled control with its own error line, as `{ wrapper, input, place }`. */
function control(key, input) {
  input.id = uniqueId(key);
  const error = el('span', { class: 'field__error', id: `${input.id}-error` });
  input.setAttribute('aria-describedby', error.id);
  const wrapper = el(
    'div',
    { class: 'field' },
    el('label', { for: input.id, text: t(`campaigns.editor.${key}`) }),
    input,
    error,
  );
  return { wrapper, input, place: { focus: () => input.focus(), mark: (message) => markAt(input, error, message) } };
}
