// The public page of a draw: its commitment before, its result after, and a
// Verify button that recomputes everything here, in this browser.
import { verifyDraw } from './verifyDraw.js';

const SHOWN_ENTRIES = 500;
const body = document.body;
const texts = JSON.parse(body.dataset.texts);
const lang = document.documentElement.lang;
const byId = (id) => document.getElementById(id);
const say = (key, values = {}) => texts[key].replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
const textIn = (names) => names[lang] ?? Object.values(names)[0] ?? '';

function figure(label, value) {
  const term = document.createElement('dt');
  term.textContent = label;
  const detail = document.createElement('dd');
  detail.textContent = value;
  byId('figures').append(term, detail);
}

function item(list, text) {
  const li = document.createElement('li');
  li.textContent = text;
  list.append(li);
}

function showResult(result) {
  byId('title').textContent = textIn(result.title);
  document.title = textIn(result.title);
  figure(texts.commitment, result.commitment);
  if (result.beaconSource) figure(texts.beaconSource, result.beaconSource);
  if (result.seed === null) {
    byId('status').textContent = say('notYet', { at: new Date(result.drawAt).toLocaleString(lang) });
    return;
  }
  byId('status').textContent = texts.drawn;
  figure(texts.seed, result.seed);
  figure(texts.beacon, result.beacon === '' ? texts.noBeacon : result.beacon);
  figure(texts.entriesDigest, result.entriesDigest);
  const holderOf = new Map(result.entries.map((entry) => [entry.id, entry.member]));
  for (const winner of result.winners)
    item(
      byId('winners'),
      `${textIn(result.prizes[winner.prize].name)}: ${holderOf.get(winner.entryId)} (${winner.entryId})`,
    );
  for (const lapse of result.lapsed ?? []) {
    const values = {
      prize: textIn(result.prizes[lapse.prize].name),
      from: `${holderOf.get(lapse.entryId)} (${lapse.entryId})`,
      at: new Date(lapse.lapsedAt).toLocaleString(lang),
      to: lapse.replacedBy && `${holderOf.get(lapse.replacedBy)} (${lapse.replacedBy})`,
    };
    item(byId('winners'), say(lapse.replacedBy ? 'lapsedTo' : 'lapsedNone', values));
  }
  byId('entries-count').textContent = say('entriesCount', { count: result.entries.length });
  for (const entry of result.entries.slice(0, SHOWN_ENTRIES)) item(byId('entries'), `${entry.id} ${entry.member}`);
  byId('winners-section').hidden = false;
  byId('entries-section').hidden = false;
  const button = byId('verify');
  button.hidden = false;
  button.addEventListener('click', () => check(result, button));
}

async function check(result, button) {
  const verdict = byId('verdict');
  button.disabled = true;
  verdict.className = '';
  verdict.textContent = texts.verifying;
  try {
    const checks = await verifyDraw(result);
    const ok = checks.commitment && checks.entriesDigest && checks.winners;
    verdict.className = ok ? 'ok' : 'bad';
    verdict.textContent = ok
      ? texts.verified
      : [
          !checks.commitment && texts.badCommitment,
          !checks.entriesDigest && texts.badDigest,
          !checks.winners && texts.badWinners,
        ]
          .filter(Boolean)
          .join(' ');
  } catch {
    verdict.className = 'bad';
    verdict.textContent = texts.noCrypto;
  } finally {
    button.disabled = false;
  }
}

const response = await fetch(`/api/v1/draws/${encodeURIComponent(body.dataset.draw)}/result`);
if (response.ok) showResult(await response.json());
else byId('status').textContent = texts.notFound;
