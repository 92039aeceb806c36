// One draw: its facts and the commitment published from its creation; once
// the window has closed, a "Run the draw" control for admins (with the
// announced beacon's value when there is one); once drawn, the revealed seed
// and the winners, masked as the public page shows them.
import { api, ApiError } from '../api.js';
import { el, field, heading, notice, table } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { currentQuery } from '../router.js';
import { publicLink } from './drawList.js';
import { entryText, prizeText, statusOf, statusText, textIn, titleOf, windowText } from './drawWords.js';

export async function render(context, id) {
  const root = el('section', { class: 'draw' });
  const redraw = async (after = {}) => root.replaceChildren(...(await contents(context, id, after, redraw)));
  await redraw({ created: currentQuery().get('created') === '1' });
  return root;
}

async function contents(context, id, after, redraw) {
  const back = el('p', {}, el('a', { href: '#/draws', text: t('draws.back') }));
  let draw;
  try {
    draw = await api('GET', `/draws/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return [back, heading(t('draws.heading')), notice(t('draws.refused.draw-not-found'), 'error')];
  }
  const mayRun = context.session.permissions.includes('admin');
  return [
    back,
    heading(titleOf(draw)),
    after.created ? notice(t('draws.created')) : null,
    after.drawn ? notice(t('draws.run.done')) : null,
    facts(draw),
    prizes(draw),
    statusOf(draw) === 'closed' && mayRun ? runPanel(draw, redraw) : null,
    statusOf(draw) === 'closed' && !mayRun ? el('p', { class: 'muted', text: t('draws.run.adminOnly') }) : null,
    draw.status === 'drawn' ? await result(draw) : null,
  ].filter(Boolean);
}

function facts(draw) {
  const row = (key, value) => [el('dt', { text: t(`draws.facts.${key}`) }), el('dd', {}, value)];
  return el(
    'dl',
    { class: 'draw__facts' },
    ...row('status', statusText(draw)),
    ...row('entry', entryText(draw.entry)),
    ...row('window', windowText(draw)),
    ...row('drawAt', formatTime(draw.drawAt)),
    ...row('entries', t('draws.entryCount', { count: draw.entryCount })),
    ...row('commitment', el('code', { class: 'draw__hash', text: draw.commitment })),
    ...(draw.beaconSource ? row('beaconSource', draw.beaconSource) : []),
    ...(draw.rules ? row('rules', textIn(draw.rules)) : []),
    ...row('public', publicLink(draw)),
  );
}

function prizes(draw) {
  return el(
    'section',
    { class: 'draw__prizes', 'aria-labelledby': 'draw-prizes' },
    el('h2', { id: 'draw-prizes', text: t('draws.prizesHeading') }),
    el('ol', {}, ...draw.prizes.map((prize) => el('li', { text: prizeText(prize) }))),
  );
}

function runPanel(draw, redraw) {
  const beacon = draw.beaconSource
    ? field(t('draws.run.beacon', { source: draw.beaconSource }), { type: 'text', required: true, autocomplete: 'off' })
    : null;
  const message = el('div', { class: 'form__message' });
  const button = el('button', { type: 'submit', class: 'primary', text: t('draws.run.button') });
  const node = el(
    'form',
    { class: 'draw__run panel', novalidate: true, 'aria-labelledby': 'draw-run' },
    el('h2', { id: 'draw-run', text: t('draws.run.heading') }),
    el('p', { text: t(draw.beaconSource ? 'draws.run.introBeacon' : 'draws.run.intro') }),
    beacon?.wrapper,
    message,
    button,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    beacon?.error(null);
    if (beacon && beacon.input.value.trim() === '') {
      beacon.error(t('errors.required'));
      beacon.input.focus();
      return;
    }
    button.disabled = true;
    try {
      await api(
        'POST',
        `/draws/${encodeURIComponent(draw.id)}/run`,
        beacon ? { beacon: beacon.input.value.trim() } : {},
      );
      await redraw({ drawn: true });
    } catch (error) {
      message.replaceChildren(runRefusal(error));
      button.disabled = false;
    }
  });
  return node;
}

/** Why the API did not run the draw: still open, its beacon missing, gone; anything else is generic. */
function runRefusal(error) {
  const kind = error instanceof ApiError ? String(error.problem.type ?? '').replace('/api/problems/', '') : '';
  const known = ['draw-still-open', 'draw-beacon-required', 'draw-not-found'].includes(kind);
  return notice(t(known ? `draws.refused.${kind}` : 'errors.generic'), 'error');
}

/** The winners, each with the member masked as on the public page (an unpublished draw has none to show). */
async function result(draw) {
  const masked = draw.published
    ? new Map((await api('GET', `/draws/${encodeURIComponent(draw.id)}/result`)).entries.map((e) => [e.id, e.member]))
    : new Map();
  const winners = draw.winners ?? [];
  return el(
    'section',
    { class: 'draw__result', 'aria-labelledby': 'draw-result' },
    el('h2', { id: 'draw-result', text: t('draws.result.heading') }),
    el('p', { text: t('draws.result.drawnAt', { at: formatTime(draw.drawnAt) }) }),
    winners.length === 0
      ? el('p', { class: 'muted', text: t('draws.result.none') })
      : table(
          t('draws.result.caption'),
          [t('draws.result.prize'), t('draws.result.winner'), t('draws.result.entry')],
          winners.map((winner) => [
            textIn(draw.prizes[winner.prize]?.name),
            masked.get(winner.entryId) ?? t('draws.result.hidden'),
            el('code', { text: winner.entryId }),
          ]),
        ),
    el(
      'dl',
      { class: 'draw__facts' },
      el('dt', { text: t('draws.result.seed') }),
      el('dd', {}, el('code', { class: 'draw__hash', text: draw.seed ?? '' })),
      el('dt', { text: t('draws.result.digest') }),
      el('dd', {}, el('code', { class: 'draw__hash', text: draw.entriesDigest ?? '' })),
      ...(draw.beaconSource
        ? [el('dt', { text: t('draws.result.beacon') }), el('dd', { text: draw.beacon ?? '' })]
        : []),
    ),
  );
}
