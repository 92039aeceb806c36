// The console's texts, fetched per language from the server's catalogue
// (locales/<lang>/*.json, section "console"). Plural keys end in
// _one, _few, _many or _other, picked with Intl.PluralRules as i18next does.

let texts = {};
let lang = 'en';

export async function loadTexts(locale) {
  const response = await fetch(`/admin/texts/${locale}.json`, { credentials: 'same-origin' });
  texts = await response.json();
  lang = locale;
  document.documentElement.lang = locale;
}

export function language() {
  return lang;
}

export function t(key, values = {}) {
  const found =
    'count' in values
      ? (lookup(`${key}_${new Intl.PluralRules(lang).select(values.count)}`) ?? lookup(`${key}_other`))
      : lookup(key);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name) => (name in values ? String(values[name]) : ''));
}

function lookup(key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), texts);
}

export function formatTime(iso) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
