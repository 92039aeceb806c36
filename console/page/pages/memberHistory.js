// A member's ledger and purchases, newest first, each a page at a time with
// "More" (the ledger pages by `before`, the purchases by a cursor).
import { api } from '../api.js';
import { el, table } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { ledgerKind, moneyText, percentText, pointsText } from './memberWords.js';

const PAGE_SIZE = 20;

/** Both panels, their first pages read before the page is shown. */
export async function historyPanels(page, profile) {
  const id = encodeURIComponent(page.id);
  const ledger = pagedPanel({
    heading: t('members.ledger.heading'),
    empty: t('members.ledger.empty'),
    head: ['when', 'what', 'points', 'balanceAfter', 'expires'].map((key) => t(`members.ledger.${key}`)),
    read: async (from) => {
      const answer = await api('GET', `/members/${id}/ledger?limit=${PAGE_SIZE}${from ? `&before=${from}` : ''}`);
      return { rows: answer.entries.map(ledgerRow), next: answer.nextBefore };
    },
    failed: page.context.failed,
  });
  const purchases = pagedPanel({
    heading: t('members.purchases.heading'),
    empty: t('members.purchases.empty'),
    head: ['when', 'receipt', 'amount', 'discount', 'paid', 'redeemed', 'earned', 'refund'].map((key) =>
      t(`members.purchases.${key}`),
    ),
    read: async (from) => {
      const cursor = from ? `&cursor=${encodeURIComponent(from)}` : '';
      const answer = await api('GET', `/members/${id}/purchases?limit=${PAGE_SIZE}${cursor}`);
      return { rows: answer.purchases.map((purchase) => purchaseRow(purchase, profile.currency)), next: answer.next };
    },
    failed: page.context.failed,
  });
  await Promise.all([ledger.load(), purchases.load()]);
  return [ledger.node, purchases.node];
}

function pagedPanel({ heading, empty, head, read, failed }) {
  const body = el('div', {});
  const more = el('button', { type: 'button', text: t('members.more'), hidden: true });
  let next = null;
  let tbody = null;
  const load = async () => {
    const { rows, next: after } = await read(next);
    next = after;
    more.hidden = next === null;
    if (tbody) return tbody.append(...rows.map(rowOf));
    if (rows.length === 0) return body.replaceChildren(el('p', { class: 'muted', text: empty }));
    const built = table(heading, head, rows);
    tbody = built.querySelector('tbody');
    body.replaceChildren(built);
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    await load().catch(failed);
    more.disabled = false;
  });
  return { load, node: el('section', { class: 'panel member__history' }, el('h2', { text: heading }), body, more) };
}

function rowOf(cells) {
  return el('tr', {}, ...cells.map((cell) => el('td', {}, cell)));
}

function ledgerRow(entry) {
  return [
    el('time', { datetime: entry.createdAt, text: formatTime(entry.createdAt) }),
    ledgerKind(entry.kind),
    pointsText(entry.delta, { signed: true }),
    pointsText(entry.balanceAfter),
    entry.expiresAt ? formatTime(entry.expiresAt) : t('members.ledger.never'),
  ];
}

function purchaseRow(purchase, currency) {
  const refund = purchase.refundedAt
    ? [
        t('members.purchases.refundedAt', { time: formatTime(purchase.refundedAt) }),
        purchase.refundShortfall > 0 ? t('members.purchases.shortfall', { count: purchase.refundShortfall }) : null,
      ]
        .filter(Boolean)
        .join('; ')
    : t('members.purchases.standing');
  return [
    el('time', { datetime: purchase.createdAt, text: formatTime(purchase.createdAt) }),
    purchase.receiptId,
    moneyText(purchase.amount, currency),
    percentText(purchase.discountPercent),
    purchase.freeItem ? t('members.purchases.freeItem') : moneyText(purchase.paidAmount, currency),
    pointsText(purchase.redeemedPoints),
    pointsText(purchase.earnedPoints),
    refund,
  ];
}
