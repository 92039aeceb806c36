// How the draw pages word a draw: its title in the reader's language, how
// members enter, its status, and the API's refusals at a field or of the
// whole draw.
import { formatTime, language, t } from '../i18n.js';
import { textIn } from '../wording.js';

export { LANGUAGES, textIn, localInputValue, isoFromLocal } from '../wording.js';

export function titleOf(draw) {
  return textIn(draw.title) || t('draws.untitled');
}

/** Money in minor units, as the reader writes it (12345 → "123.45"). */
export function amountText(minor) {
  return new Intl.NumberFormat(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

export function entryText(entry) {
  if (entry.kind === 'purchase' && entry.minAmount !== undefined)
    return t('draws.entry.purchaseMin', { amount: amountText(entry.minAmount) });
  if (entry.kind === 'purchase') return t('draws.entry.purchasePer', { amount: amountText(entry.perAmount ?? 0) });
  if (entry.kind === 'quiz') return t('draws.entry.quizOf', { id: entry.quizId ?? '' });
  return t('draws.entry.optIn');
}

/** open while entries count; closed once the window has passed (the server may not have frozen it yet); drawn. */
export function statusOf(draw, now = Date.now()) {
  if (draw.status === 'drawn') return 'drawn';
  return draw.status === 'closed' || now >= Date.parse(draw.closesAt) ? 'closed' : 'open';
}

export function statusText(draw) {
  return t(`draws.status.${statusOf(draw)}`);
}

export function windowText(draw) {
  return t('draws.window', { opens: formatTime(draw.opensAt), closes: formatTime(draw.closesAt) });
}

export function prizeText(prize) {
  const kind =
    prize.points === undefined
      ? t('draws.prizeCode')
      : t('draws.points', { count: prize.points, n: new Intl.NumberFormat(language()).format(prize.points) });
  return t('draws.prizeLine', { name: textIn(prize.name), count: prize.count, kind });
}

/** One entry of a problem's `errors`, in the reader's words. */
export function problemText(problem) {
  const limit = typeof problem.limit === 'number' ? new Intl.NumberFormat(language()).format(problem.limit) : '';
  // The API says the draw time "closes before opens" too: it is worded for that field.
  const reason =
    problem.pointer === '/drawAt' && problem.reason === 'closes-before-opens' ? 'draw-before-closes' : problem.reason;
  const key = `draws.problems.${reason ?? 'invalid'}`;
  const worded = t(key, { limit });
  return worded === key ? t('draws.problems.invalid') : worded;
}
