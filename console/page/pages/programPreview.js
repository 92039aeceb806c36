// What a purchase would come to under the rules being edited, asked of
// POST /api/v1/program/preview a moment after each change. Rules the API
// refuses show no figure at all: a stale one would read as the answer.
import { api, ApiError } from '../api.js';
import { el } from '../dom.js';
import { language, t } from '../i18n.js';

/** Milliseconds of quiet after a keystroke before the preview is asked for. */
const QUIET_MS = 300;

/**
 * `rules()` is the document being edited; `onProblems(errors)` gets the
 * API's errors about it (pointers into the rules), none when they are valid.
 */
export function previewPanel({ rules, onProblems }) {
  const panel = {
    rules,
    onProblems,
    asked: 0,
    amount: el('input', { id: 'preview-amount', type: 'number', min: '0.01', step: '0.01', value: '250' }),
    tier: el('select', { id: 'preview-tier' }),
    stamps: el('input', { id: 'preview-stamps', type: 'number', min: '0', step: '1', value: '0' }),
    line: el('p', { class: 'preview__line', role: 'status', 'aria-live': 'polite' }),
  };
  let pending;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(() => ask(panel), QUIET_MS);
  };
  for (const input of [panel.amount, panel.tier, panel.stamps]) input.addEventListener('input', refresh);
  panel.tier.addEventListener('change', refresh);
  const labelled = (input, key) => el('div', { class: 'field' }, el('label', { for: input.id, text: t(key) }), input);
  const node = el(
    'aside',
    { class: 'panel preview', 'aria-labelledby': 'preview-heading' },
    el('h2', { id: 'preview-heading', text: t('program.previewHeading') }),
    labelled(panel.amount, 'program.amount'),
    labelled(panel.tier, 'program.tier'),
    labelled(panel.stamps, 'program.stamps'),
    panel.line,
  );
  ask(panel);
  return { node, refresh, now: () => ask(panel) };
}

async function ask(panel) {
  const rules = panel.rules();
  syncTiers(panel.tier, rules);
  const ticket = ++panel.asked;
  try {
    const quote = await api('POST', '/program/preview', {
      rules,
      amount: Math.round(Number(panel.amount.value) * 100),
      tier: panel.tier.value,
      stamps: Number(panel.stamps.value),
    });
    if (ticket !== panel.asked) return;
    panel.onProblems([]);
    panel.line.textContent = sentence(rules, Number(panel.amount.value), quote);
  } catch (error) {
    if (ticket !== panel.asked) return;
    panel.line.textContent = refusal(panel, error);
  }
}

/** The tier picker offers the tiers being edited, keeping the one chosen while it exists. */
function syncTiers(select, rules) {
  const codes = (Array.isArray(rules.tiers) ? rules.tiers : [])
    .map((tier) => tier?.code)
    .filter((code) => typeof code === 'string' && code !== '');
  const shown = [...select.options].map((option) => option.value);
  if (shown.length === codes.length && shown.every((code, i) => code === codes[i])) return;
  const chosen = select.value;
  select.replaceChildren(...codes.map((code) => el('option', { value: code, text: code })));
  if (codes.includes(chosen)) select.value = chosen;
}

function refusal(panel, error) {
  if (!(error instanceof ApiError) || error.status !== 400) {
    return t(error instanceof ApiError && error.status === 0 ? 'errors.network' : 'errors.generic');
  }
  const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
  const aboutRules = errors
    .filter((problem) => String(problem.pointer).startsWith('/rules'))
    .map((problem) => ({ ...problem, pointer: problem.pointer.slice('/rules'.length) }));
  panel.onProblems(aboutRules);
  return aboutRules.length > 0 || errors.length === 0
    ? t('program.preview.fixRules')
    : t('program.preview.fixPurchase');
}

function sentence(rules, amount, quote) {
  const money = moneyFormat(rules.currency);
  const points = t('program.preview.points', { count: quote.earnedPoints });
  const stamps = rules.stampCard?.enabled
    ? t('program.preview.stamps', { count: quote.stampsAfter, every: rules.stampCard.every })
    : t('program.preview.noStamps');
  const line = t('program.preview.line', {
    amount: money.format(amount),
    tier: quote.tier,
    discount: money.format(quote.discountAmount / 100),
    percent: new Intl.NumberFormat(language(), { style: 'percent' }).format(quote.discountPercent / 100),
    paid: money.format(quote.paidAmount / 100),
    points,
    stamps,
  });
  return quote.freeItem ? `${line} ${t('program.freeItem')}` : line;
}

function moneyFormat(currency) {
  try {
    return new Intl.NumberFormat(language(), { style: 'currency', currency });
  } catch {
    return new Intl.NumberFormat(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}
