// A member's page: who they are and their points at a glance, then their
// history, their requests, chats and consent, and what the reader's role
// may do (adjust points; export or erase the person's data). After a
// change the whole page is read again, so every figure on it agrees.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { adjustPanel } from './memberAdjust.js';
import { detailPanels } from './memberDetails.js';
import { historyPanels } from './memberHistory.js';
import { privacyPanels } from './memberPrivacy.js';
import {
  birthdayText,
  cardText,
  dateText,
  languageName,
  moneyText,
  numberText,
  percentText,
  pointsText,
  tierName,
} from './memberWords.js';

export async function render(context, id) {
  const root = el('section', { class: 'member' });
  const page = { context, id, root, may: (permission) => context.session.permissions.includes(permission) };
  page.redraw = async (after) => {
    root.replaceChildren(...(await contents(page, after)));
  };
  await page.redraw({});
  return root;
}

/** The page as it is now; `after` says what was just done here, to confirm it where it was done. */
async function contents(page, after) {
  let profile;
  try {
    profile = await api('GET', `/members/${encodeURIComponent(page.id)}/profile`);
  } catch (error) {
    if (!(error instanceof ApiError) || ![404, 410].includes(error.status)) throw error;
    return gone(error.status === 410, after);
  }
  return [
    backLink(),
    heading(profile.member.name),
    facts(profile),
    page.may('adjust') ? adjustPanel(page, after.adjusted) : null,
    ...(await historyPanels(page, profile)),
    ...detailPanels(page, profile),
    ...(page.may('privacy') ? privacyPanels(page, profile) : []),
  ];
}

function gone(erased, after) {
  const done = after.erased
    ? notice(
        t('members.erase.done', {
          time: formatTime(after.erased.erasedAt),
          points: pointsText(after.erased.forfeitedPoints),
        }),
      )
    : null;
  return [
    backLink(),
    heading(t('members.heading')),
    done,
    notice(t(erased ? 'members.erased' : 'members.notFound'), erased ? 'info' : 'error'),
  ];
}

function backLink() {
  return el('p', {}, el('a', { href: '#/members', text: t('members.back') }));
}

function facts({ member, lifetime, currency, referral }) {
  const phone = member.phone
    ? member.phoneVerified
      ? t('members.facts.verified', { phone: member.phone })
      : member.phone
    : t('members.noPhone');
  const rows = [
    ['card', cardText(member.cardNumber)],
    ['tier', tierName(member.tier)],
    ['discount', percentText(member.discountPercent)],
    ['balance', pointsText(member.balance)],
    member.stampsEvery
      ? ['stamps', t('members.facts.stampsOf', { stamps: member.stamps, every: member.stampsEvery })]
      : null,
    ['spend', moneyText(lifetime.spend, currency)],
    ['earned', pointsText(lifetime.earned)],
    ['purchases', numberText(lifetime.purchases)],
    ['phone', phone],
    ['birthday', member.birthday ? birthdayText(member.birthday) : t('members.facts.notGiven')],
    ['language', languageName(member.locale)],
    ['joined', dateText(member.createdAt)],
    referral.code ? ['referral', t('members.facts.invited', { code: referral.code, count: referral.invited })] : null,
  ].filter(Boolean);
  return el(
    'div',
    { class: 'panel' },
    el('h2', { text: t('members.facts.label') }),
    el(
      'dl',
      { class: 'member__facts' },
      ...rows.flatMap(([key, value]) => [
        el('dt', { text: t(`members.facts.${key}`) }),
        el('dd', { 'data-fact': key, text: value }),
      ]),
    ),
  );
}
