// The filters of a segment as a form, one fieldset per filter of
// POST /api/v1/segments (core/segments/segmentFilters.ts), all combined with
// AND. A filter left empty is left out. The form edits a copy of the filters
// it was given, so one it has no control for travels on untouched.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { channelName } from './deskWords.js';
import { languageName, tierName } from './memberWords.js';
import { checkGroup, dateRange, numberRange, titleSelect } from './segmentFilterControls.js';
import { monthName } from './segmentWords.js';

const LOCALES = ['ru', 'ro', 'en'];
const CHANNELS = ['telegram', 'viber', 'web'];
/** core/surveys/surveyScores.ts, as a marketer reads them: the happiest first. */
const NPS_GROUPS = ['promoter', 'passive', 'detractor'];
/** core/scoring/: stages, RFM segments and loyalty quadrants, as the score pages name them. */
const STAGES = [1, 2, 3, 4, 5];
const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalists',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'lost',
];
const QUADRANTS = ['true', 'latent', 'false', 'none'];
const MONTHS = Array.from({ length: 12 }, (_unused, i) => i + 1);

/**
 * `tiers` are the programme's tier codes, `currency` its currency, `quizzes`
 * those a member may have played, `contests` and `draws` those they may have entered. `document()` is the filters to send, or
 * null while an input holds what is not a number; `mark(errors)` shows the
 * API's errors under /filters at their controls and returns the first one marked.
 */
export function filterForm({ tiers, currency, quizzes, contests, draws, filters }) {
  const controls = [
    checkGroup({ key: 'tiers', options: tiers.map((code) => [code, tierName(code)]), value: filters.tiers }),
    checkGroup({ key: 'locales', options: LOCALES.map((code) => [code, languageName(code)]), value: filters.locales }),
    checkGroup({
      key: 'channels',
      options: CHANNELS.map((code) => [code, channelName(code)]),
      value: filters.channels,
    }),
    numberRange({ key: 'daysSinceLastPurchase', help: true, value: filters.daysSinceLastPurchase }),
    numberRange({ key: 'purchaseCount', value: filters.purchaseCount }),
    numberRange({
      key: 'lifetimeSpend',
      money: true,
      legend: t('segments.filters.lifetimeSpendIn', { currency }),
      value: filters.lifetimeSpend,
    }),
    dateRange({ key: 'joined', value: filters.joined }),
    checkGroup({
      key: 'birthMonths',
      options: MONTHS.map((month) => [month, monthName(month)]),
      value: filters.birthMonths,
      columns: true,
    }),
    ...takingPart({ quizzes, contests, draws, filters }),
    checkGroup({
      key: 'npsGroups',
      options: NPS_GROUPS.map((group) => [group, t(`segments.npsGroups.${group}`)]),
      value: filters.npsGroups,
    }),
    ...scores(filters),
  ];
  const node = el('div', { class: 'segment__filters' }, ...controls.map((control) => control.node));
  return {
    node,
    document: () => documentOf(filters, controls),
    mark: (errors) => markAll(errors, controls),
  };
}

/** What a member took part in: quizzes played, contests and draws entered, each chosen by title. */
function takingPart({ quizzes, contests, draws, filters }) {
  const select = (key, items, none) => titleSelect({ key, items, value: filters[key], none: t(none) });
  return [
    select('playedQuizzes', quizzes, 'segments.noQuizzes'),
    select('enteredContests', contests, 'segments.noContests'),
    select('enteredDraws', draws, 'segments.noDraws'),
  ];
}

/** What the daily scoring says of a member: their stage, RFM segment and kind of loyalty. */
function scores(filters) {
  return [
    checkGroup({
      key: 'stages',
      options: STAGES.map((stage) => [stage, `${stage}. ${t(`scores.stage.${stage}`)}`]),
      value: filters.stages,
    }),
    checkGroup({
      key: 'rfmSegments',
      options: RFM_SEGMENTS.map((segment) => [segment, t(`scores.rfm.names.${segment}`)]),
      value: filters.rfmSegments,
      columns: true,
    }),
    checkGroup({
      key: 'quadrants',
      options: QUADRANTS.map((quadrant) => [quadrant, t(`scores.quadrant.names.${quadrant}`)]),
      value: filters.quadrants,
    }),
  ];
}

function documentOf(filters, controls) {
  const local = controls.filter((control) => !control.check());
  if (local.length > 0) return null;
  const document = structuredClone(filters);
  for (const control of controls) {
    const value = control.read();
    if (value === undefined) delete document[control.key];
    else document[control.key] = value;
  }
  return document;
}

/** `{ unplaced, first }`: the errors no control shows, and the first input marked. */
function markAll(errors, controls) {
  for (const control of controls) control.clear();
  const unplaced = [];
  let first = null;
  for (const problem of errors) {
    const [, key = '', ...rest] = String(problem.pointer ?? '')
      .replace(/^\/filters/, '')
      .split('/');
    const control = controls.find((candidate) => candidate.key === key);
    const where = rest.length > 0 ? `/${rest.join('/')}` : '';
    const input = control ? control.mark(where, problem) : null;
    if (!input) unplaced.push(problem);
    first ??= input;
  }
  return { unplaced, first };
}
