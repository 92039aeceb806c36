// The warning under the editor about texts not written in every language,
// kept up to date as the marketer types: nothing is refused for it, but
// members who speak a missing language see the programme's default
// language instead. It follows the API's own `warnings` rule
// (core/quizzes/quizSchema.ts), except that a text written in no language
// at all is left to the API's refusal.
import { el } from '../dom.js';
import { language, t } from '../i18n.js';
import { LANGUAGES, languageName } from './quizWords.js';

/** `read` gives the document as the form would send it. */
export function missingLanguagesPanel(read) {
  const list = el('ul');
  const node = el(
    'div',
    { class: 'notice notice--warning quiz__warnings', hidden: true },
    el('p', { text: t('quizzes.warnings.intro') }),
    list,
  );
  return {
    node,
    refresh: () => {
      const missing = missingByLanguage(read());
      node.hidden = missing.length === 0;
      list.replaceChildren(
        ...missing.map(({ locale, places }) =>
          el('li', { text: t('quizzes.warnings.line', { language: languageName(locale), places: listText(places) }) }),
        ),
      );
    },
  };
}

/** For each language some text lacks, the places that lack it, in the order of the form. */
export function missingByLanguage(document) {
  return LANGUAGES.map((locale) => ({ locale, places: placesLacking(document, locale) })).filter(
    ({ places }) => places.length > 0,
  );
}

/** "the title", "question 2 (the text, options 1 and 3)": each text written in some language but not in `locale`. */
function placesLacking(document, locale) {
  const lacks = (text) => text !== undefined && Object.keys(text).length > 0 && !text[locale];
  const places = [];
  if (lacks(document.title)) places.push(t('quizzes.warnings.places.title'));
  if (lacks(document.intro)) places.push(t('quizzes.warnings.places.intro'));
  document.questions.forEach((question, index) => {
    const options = question.options.flatMap((option, at) => (lacks(option) ? [at + 1] : []));
    const parts = [
      lacks(question.text) ? t('quizzes.warnings.parts.text') : null,
      options.length > 0
        ? t('quizzes.warnings.parts.options', { count: options.length, numbers: listText(options) })
        : null,
      lacks(question.explanation) ? t('quizzes.warnings.parts.explanation') : null,
    ].filter(Boolean);
    if (parts.length > 0)
      places.push(t('quizzes.warnings.places.question', { number: index + 1, parts: parts.join(', ') }));
  });
  return places;
}

function listText(items) {
  return new Intl.ListFormat(language(), { style: 'long', type: 'conjunction' }).format(items.map(String));
}
