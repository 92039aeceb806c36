import { api } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { t } from '../i18n.js';

/**
 * The rules as the API has them, edited as one JSON document (the same
 * schema as PUT /api/v1/program), with a live preview of a purchase under
 * the rules being edited, before they are saved.
 */
export async function render() {
  const rules = await api('GET', '/program');
  const editor = el('textarea', { id: 'rules', rows: 24, spellcheck: 'false', class: 'code' });
  editor.value = JSON.stringify(rules, null, 2);
  const result = el('div', { role: 'status', 'aria-live': 'polite' });
  const preview = previewPanel(editor);
  const save = el('button', {
    type: 'button',
    class: 'primary',
    text: t('program.save'),
    onclick: async () => {
      const parsed = parse(editor.value);
      if (!parsed.ok) return result.replaceChildren(notice(`${t('program.invalid')} ${parsed.message}`, 'error'));
      try {
        const saved = await api('PUT', '/program', parsed.value);
        editor.value = JSON.stringify(saved, null, 2);
        result.replaceChildren(notice(t('program.saved')));
      } catch (error) {
        result.replaceChildren(invalidFields(error));
      }
    },
  });
  return el(
    'section',
    {},
    heading(t('program.heading')),
    el('p', { text: t('program.intro') }),
    el(
      'div',
      { class: 'split' },
      el('div', {}, el('label', { for: 'rules', text: t('program.rules') }), editor, result, save),
      preview.node,
    ),
  );
}

function previewPanel(editor) {
  const amount = el('input', { id: 'preview-amount', type: 'number', min: '0.01', step: '0.01', value: '250' });
  const tier = el('select', { id: 'preview-tier' });
  const stamps = el('input', { id: 'preview-stamps', type: 'number', min: '0', step: '1', value: '0' });
  const line = el('p', { class: 'preview__line', role: 'status', 'aria-live': 'polite' });
  let pending;
  const update = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 250);
  };
  async function refresh() {
    const parsed = parse(editor.value);
    if (!parsed.ok) return;
    const codes = (parsed.value.tiers ?? []).map((entry) => entry.code);
    if (tier.options.length !== codes.length || [...tier.options].some((option, i) => option.value !== codes[i])) {
      const chosen = tier.value;
      tier.replaceChildren(
        ...codes.map((code) => el('option', { value: code, text: code, selected: code === chosen })),
      );
    }
    const cents = Math.round(Number(amount.value) * 100);
    if (!(cents > 0)) return;
    try {
      const quote = await api('POST', '/program/preview', {
        rules: parsed.value,
        amount: cents,
        tier: tier.value || codes[0],
        stamps: Math.max(0, Math.floor(Number(stamps.value) || 0)),
      });
      const lei = (minor) => (minor / 100).toFixed(2);
      line.textContent = `${t('program.previewLine', {
        amount: lei(cents),
        tier: quote.tier,
        discount: lei(quote.discountAmount),
        paid: lei(quote.paidAmount),
        points: quote.earnedPoints,
        stamps: quote.stampsAfter,
      })}${quote.freeItem ? ` ${t('program.freeItem')}` : ''}`;
    } catch (error) {
      line.textContent = `${t('program.invalid')} ${fieldList(error)}`;
    }
  }
  for (const input of [editor, amount, tier, stamps]) input.addEventListener('input', update);
  refresh();
  const labelled = (id, text, input) => el('div', { class: 'field' }, el('label', { for: id, text }), input);
  return {
    node: el(
      'aside',
      { class: 'panel preview' },
      el('h2', { text: t('program.previewHeading') }),
      labelled('preview-amount', t('program.amount'), amount),
      labelled('preview-tier', t('program.tier'), tier),
      labelled('preview-stamps', t('program.stamps'), stamps),
      line,
    ),
  };
}

function parse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error.message };
  }
}

function fieldList(error) {
  const fields = error.fields ?? {};
  const names = Object.keys(fields);
  return names.length > 0 ? names.map((name) => `${name}: ${fields[name]}`).join('; ') : t('errors.generic');
}

function invalidFields(error) {
  if (error.status === 403) return notice(t('errors.forbidden'), 'error');
  return notice(`${t('program.invalid')} ${fieldList(error)}`, 'error');
}
