// The programme rules as a form, one fieldset per part of the schema of
// PUT /api/v1/program (core/program/programRules.ts). The form edits a copy
// of the document it was given, so fields it does not show (one added to the
// schema later, or typed in the JSON) travel on to the API, which judges them.
import { el } from '../dom.js';
import { ruleField, setAt, valueAt } from './programFields.js';
import { tiersTable } from './programTiers.js';
import { t } from '../i18n.js';

const percent = { min: 0, max: 100 };
const points = { min: 0 };
const clockTime = { maxlength: 5, pattern: '[0-2][0-9]:[0-5][0-9]', inputmode: 'numeric' };

/** Every rule but the tiers, grouped as a marketer thinks of them. */
const GROUPS = [
  {
    key: 'earning',
    fields: [
      { key: 'name', pointer: '/name', type: 'text', help: true, attributes: { maxlength: 60 } },
      { key: 'tierBasis', pointer: '/tierBasis', type: 'select', options: ['spend', 'earned'], help: true },
      { key: 'pointValue', pointer: '/pointValue', unit: 'money', min: 0.01, help: true },
      {
        key: 'currency',
        pointer: '/currency',
        type: 'text',
        help: true,
        attributes: { maxlength: 3, pattern: '[A-Z]{3}', autocapitalize: 'characters' },
      },
    ],
  },
  { key: 'tiers' },
  {
    key: 'redemption',
    fields: [
      { key: 'maxRedeemPercent', pointer: '/maxRedeemPercent', ...percent, help: true },
      {
        key: 'redeemRequires',
        pointer: '/redeemRequires',
        type: 'select',
        options: ['code', 'card', 'any'],
        help: true,
      },
      { key: 'codeLifetimeMinutes', pointer: '/codeLifetimeMinutes', min: 1, max: 60 },
    ],
  },
  {
    key: 'stampCard',
    fields: [
      { key: 'stampEnabled', pointer: '/stampCard/enabled', type: 'checkbox' },
      { key: 'stampEvery', pointer: '/stampCard/every', min: 2, max: 100, help: true },
      { key: 'stampMinAmount', pointer: '/stampCard/minAmount', unit: 'money', min: 0, help: true },
    ],
  },
  {
    key: 'expiry',
    fields: [
      { key: 'pointsLifetimeDays', pointer: '/pointsLifetimeDays', min: 0, help: true },
      { key: 'expiryReminderDays', pointer: '/expiryReminderDays', min: 0 },
    ],
  },
  {
    key: 'bonuses',
    fields: [
      { key: 'welcomeBonus', pointer: '/welcomeBonus', ...points },
      {
        key: 'welcomeBonusRequires',
        pointer: '/welcomeBonusRequires',
        type: 'select',
        options: ['verified-phone', 'first-purchase'],
        help: true,
      },
      { key: 'birthdayBonus', pointer: '/birthdayBonus', ...points, help: true },
    ],
  },
  {
    key: 'referral',
    fields: [
      { key: 'referrerBonus', pointer: '/referral/referrerBonus', ...points, help: true },
      { key: 'friendBonus', pointer: '/referral/friendBonus', ...points, help: true },
      { key: 'capPerPeriod', pointer: '/referral/capPerPeriod', ...points, help: true },
      { key: 'periodDays', pointer: '/referral/periodDays', min: 1 },
    ],
  },
  {
    key: 'nps',
    fields: [
      { key: 'npsAfterPurchase', pointer: '/nps/afterPurchase', type: 'checkbox' },
      { key: 'npsAfterPurchaseDays', pointer: '/nps/afterPurchaseDays', min: 0, max: 365, help: true },
      { key: 'npsMinDaysBetween', pointer: '/nps/minDaysBetween', min: 0, max: 3650, help: true },
      { key: 'npsExpiresAfterDays', pointer: '/nps/expiresAfterDays', min: 1, max: 90, help: true },
      { key: 'npsReviewUrl', pointer: '/nps/reviewUrl', type: 'text', help: true, attributes: { inputmode: 'url' } },
    ],
  },
  {
    key: 'csat',
    fields: [
      { key: 'csatAfterPurchase', pointer: '/csat/afterPurchase', type: 'checkbox', help: true },
      { key: 'csatAfterPurchaseDays', pointer: '/csat/afterPurchaseDays', min: 0, max: 365 },
      { key: 'csatMinDaysBetween', pointer: '/csat/minDaysBetween', min: 0, max: 3650 },
    ],
  },
  {
    key: 'attachment',
    fields: [
      {
        key: 'attachmentPurchasesPerMonth',
        pointer: '/attachment/purchasesPerMonth',
        min: 1,
        max: 100,
        help: true,
      },
      { key: 'attachmentMonths', pointer: '/attachment/months', min: 1, max: 12 },
    ],
  },
  {
    key: 'quietHours',
    fields: [
      { key: 'quietFrom', pointer: '/quietHours/from', type: 'text', help: true, attributes: clockTime },
      { key: 'quietTo', pointer: '/quietHours/to', type: 'text', attributes: clockTime },
    ],
  },
];

/**
 * `onEdit` runs on every change. `document()` is what the form would send;
 * `mark(errors)` shows the API's field errors at their inputs and returns
 * `{ unplaced, first }`: the errors no input shows, and the first input marked.
 */
export function rulesForm(rules, onEdit) {
  let base = structuredClone(rules);
  const controls = new Map();
  const basis = () => controls.get('/tierBasis').input.value;
  const tiers = tiersTable({ basis, onEdit });
  const groups = GROUPS.map((group) => (group.key === 'tiers' ? tiers.node : fieldset(group, controls)));
  const node = el('div', { class: 'rules' }, ...groups);
  node.addEventListener('input', onEdit);
  node.addEventListener('change', onEdit);
  controls.get('/tierBasis').input.addEventListener('change', () => tiers.relabel());
  const form = {
    node,
    document: () => documentOf(base, controls, tiers),
    fill: (next) => {
      base = structuredClone(next);
      for (const [pointer, control] of controls) control.write(valueAt(next, pointer));
      tiers.write(Array.isArray(next.tiers) ? next.tiers : []);
    },
    mark: (errors) => markAll(errors, controls, tiers),
  };
  form.fill(rules);
  return form;
}

function fieldset(group, controls) {
  const built = group.fields.map((spec) => ruleField(spec));
  for (const control of built) controls.set(control.spec.pointer, control);
  return el(
    'fieldset',
    { class: 'panel rules__group' },
    el('legend', { text: t(`program.groups.${group.key}`) }),
    ...built.map((control) => control.wrapper),
  );
}

/** A field left empty that the document never had stays out: the API gives it its default. */
function documentOf(base, controls, tiers) {
  const document = structuredClone(base);
  for (const [pointer, control] of controls) {
    if (control.empty() && valueAt(base, pointer) === undefined) continue;
    setAt(document, pointer, control.read());
  }
  document.tiers = tiers.read();
  return document;
}

function markAll(errors, controls, tiers) {
  for (const control of controls.values()) control.mark(null);
  tiers.clear();
  const unplaced = [];
  const marked = [];
  for (const problem of errors) {
    const control = controls.get(problem.pointer) ?? tiers.control(problem.pointer);
    if (!control) unplaced.push(problem);
    else if (!marked.includes(control)) {
      control.mark(problem);
      marked.push(control);
    }
  }
  return { unplaced, first: marked[0]?.input ?? null };
}
