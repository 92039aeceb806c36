// The message as members will read it, in each language, while the
// marketer writes it: POST /api/v1/campaigns/preview ~300 ms after the last
// keystroke, the placeholders filled for the segment's newest member (or an
// example one). Its findings (a text too long for a channel, an unknown
// placeholder) are shown at the texts at fault. Each ask is numbered, so an
// older answer arriving late cannot overwrite a newer.
import { api, ApiError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { tierName } from './memberWords.js';
import { uniqueId } from './campaignTexts.js';
import { languageName, numberText } from './campaignWords.js';

const QUIET_MS = 300;

/**
 * `body()` is what to preview (null messages: nothing is asked);
 * `onFindings(problems)` gets the preview's findings (or a refused
 * preview's field errors), [] when there are none; `failed(error)` any
 * other failure.
 */
export function previewPanel({ body, onFindings, failed }) {
  const who = el('p', { class: 'campaign__who', role: 'status', 'aria-live': 'polite' });
  const shown = el('div', { class: 'campaign__previews' });
  const node = el(
    'aside',
    { class: 'panel campaign__preview', 'aria-label': t('campaigns.preview.label'), 'aria-busy': 'false' },
    el('h2', { text: t('campaigns.preview.label') }),
    who,
    shown,
  );
  const panel = { node, who, shown, body, onFindings, failed, asked: 0, timer: null };
  const now = () => ask(panel);
  return {
    node,
    now,
    soon: () => {
      node.setAttribute('aria-busy', 'true');
      clearTimeout(panel.timer);
      panel.timer = setTimeout(now, QUIET_MS);
    },
  };
}

async function ask(panel) {
  clearTimeout(panel.timer);
  const mine = ++panel.asked;
  const busy = (value) => panel.node.setAttribute('aria-busy', String(value));
  const body = panel.body();
  if (Object.keys(body.messages).length === 0) {
    busy(false);
    panel.onFindings([]);
    panel.who.textContent = t('campaigns.preview.write');
    return panel.shown.replaceChildren();
  }
  busy(true);
  try {
    const answer = await api('POST', '/campaigns/preview', body);
    if (mine !== panel.asked) return;
    panel.onFindings(answer.problems);
    panel.who.textContent = whoText(answer.member);
    panel.shown.replaceChildren(...answer.previews.map((one) => messageCard(one, Boolean(body.messages[one.locale]))));
  } catch (error) {
    if (mine === panel.asked) refused(error, panel);
  } finally {
    if (mine === panel.asked) busy(false);
  }
}

function refused(error, { who, shown, onFindings, failed }) {
  shown.replaceChildren();
  if (error instanceof ApiError && error.status === 400) {
    onFindings(Array.isArray(error.problem.errors) ? error.problem.errors : []);
    who.textContent = t('campaigns.preview.fix');
    return;
  }
  who.textContent = t('campaigns.preview.failed');
  failed(error);
}

function whoText(member) {
  if (member.example) return t('campaigns.preview.example', { balance: numberText(member.balance) });
  const tier = member.tier ? tierName(member.tier) : t('campaigns.preview.noTier');
  return t('campaigns.preview.member', { name: member.name, balance: numberText(member.balance), tier });
}

/**
 * One language's message: its text as sent, the picture's address (the
 * console shows no outside picture), the buttons. A language not written
 * shows what its speakers get instead, and says so.
 */
function messageCard(preview, written) {
  const title = el('h3', { id: uniqueId('preview'), text: languageName(preview.locale) });
  return el(
    'article',
    { class: 'campaign__bubble', 'aria-labelledby': title.id },
    title,
    written ? null : el('p', { class: 'muted', text: t('campaigns.preview.fallback') }),
    preview.imageUrl
      ? el('p', { class: 'muted campaign__picture', text: t('campaigns.preview.picture', { url: preview.imageUrl }) })
      : null,
    el('p', { class: 'campaign__message', lang: preview.locale, text: preview.text }),
    el(
      'ul',
      { class: 'campaign__labels', 'aria-label': t('campaigns.preview.buttons') },
      ...preview.buttons.map((label) => el('li', { lang: preview.locale, text: label })),
    ),
  );
}
