// Why the API refused a campaign, or what the preview found wrong with its
// text, in the reader's language. A problem is worded for the field it
// points at (a text counts characters, a number is a bound, the buttons are
// counted); the route's own checks (a text too long for a channel, a quiz
// that is gone) come without a reason, and are worded from the preview's
// own findings for the same text.
import { ApiError } from '../api.js';
import { notice, refusedNotice } from '../dom.js';
import { t } from '../i18n.js';
import { markProblems } from './quizProblems.js';
import { countText, numberText } from './campaignWords.js';

const NUMBERS = ['holdoutPercent', 'resultDays'];
const WHOLE = ['campaign-not-found', 'campaign-not-editable', 'campaign-wrong-status'];

/**
 * One problem in words. `found` are the preview's latest findings, used for
 * a refusal of the message that names no reason.
 */
export function problemText(problem, found = []) {
  const pointer = String(problem.pointer ?? '');
  const reason = problem.reason ?? ownReason(pointer, found);
  if (reason === 'too-long' || reason === 'unknown-placeholder') return messageProblemText(problem, found);
  const field = pointer.split('/').at(-1);
  const values = { limit: typeof problem.limit === 'number' ? numberText(problem.limit) : '' };
  if (field === 'segmentId')
    return t(reason === 'segment-gone' ? 'campaigns.problems.segmentGone' : 'campaigns.problems.chooseSegment');
  if (field === 'quizId') return t('campaigns.problems.quizGone');
  if (field === 'buttons' && reason === 'too-big') return countText('campaigns.problems.tooManyButtons', problem.limit);
  const kind = kindOf(pointer, field);
  const own = `campaigns.problems.${kind}.${reason}`;
  const worded = t(own, values);
  if (worded !== own) return worded;
  const general = `campaigns.problems.${reason}`;
  return t(t(general) === general ? 'campaigns.problems.invalid' : general, values);
}

/** What would keep a text from going out whole: the preview's finding, with its figures. */
function messageProblemText(problem, found) {
  const finding = problem.reason ? problem : found.find((one) => one.pointer === problem.pointer);
  if (!finding) return t('campaigns.problems.message');
  if (finding.reason === 'unknown-placeholder')
    return t('campaigns.problems.unknownPlaceholder', { placeholder: `{${finding.placeholder}}` });
  return t('campaigns.problems.tooLong', {
    channel: t(`campaigns.channels.${finding.channel}`),
    length: numberText(finding.length),
    limit: numberText(finding.limit),
  });
}

function kindOf(pointer, field) {
  if (NUMBERS.includes(field)) return 'number';
  if (field === 'sendAt') return 'date';
  return pointer.endsWith('Url') || field === 'url' ? 'url' : 'text';
}

/** The route's own checks: a message the preview found at fault, else one the form words from its field alone. */
function ownReason(pointer, found) {
  if (pointer.startsWith('/messages/')) return found.find((one) => one.pointer === pointer)?.reason ?? 'message';
  return 'invalid';
}

/** Marks the problems at their fields (`places` maps pointers to `{ focus, mark }`); see markProblems. */
export function markCampaignProblems(errors, places, found = []) {
  return markProblems(errors, places, (problem) => problemText(problem, found));
}

/**
 * The notice for a refused save or start: the fields are marked by
 * `mark(errors)` (which returns `{ unplaced, first }`), problems no field
 * shows are listed in it; a refusal of the whole campaign is said in full.
 */
export function refusal(error, { mark, found }) {
  if (!(error instanceof ApiError)) return notice(t('errors.generic'), 'error');
  const kind = String(error.problem.type ?? '').replace('/api/problems/', '');
  if (error.status === 400 && Array.isArray(error.problem.errors)) {
    const { unplaced, first } = mark(error.problem.errors);
    first?.focus();
    return refusedNotice(t('campaigns.editor.invalid'), unplaced, (problem) => problemText(problem, found));
  }
  if (kind === 'segment-not-found') {
    mark([{ pointer: '/segmentId', reason: 'segment-gone' }]).first?.focus();
    return notice(t('campaigns.editor.invalid'), 'error');
  }
  if (WHOLE.includes(kind)) return notice(t(`campaigns.refused.${kind}`), 'error');
  if (error.status === 403) return notice(t('errors.forbidden'), 'error');
  return notice(t(error.status === 0 ? 'errors.network' : 'errors.generic'), 'error');
}
