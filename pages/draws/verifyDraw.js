// The draw's recipe, recomputed in the browser with Web Crypto: the same
// steps as the README's script and the server's core/contests/draws/drawWinners.ts.
const encoder = new TextEncoder();
const hex = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export async function sha256(text) {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** UTF-8 byte order of two strings. */
export function byUtf8Bytes(a, b) {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Recomputes the commitment, digest, key, winners and the hand-overs of lapsed prizes from what the result publishes. */
export async function verifyDraw(result) {
  const ids = result.entries.map((entry) => entry.id).sort(byUtf8Bytes);
  const commitment = await sha256(result.seed);
  const entriesDigest = await sha256(ids.join('\n'));
  const drawKey = await sha256(`${result.seed}:${entriesDigest}:${result.beacon}`);
  const key = await crypto.subtle.importKey('raw', encoder.encode(drawKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const scored = await Promise.all(
    result.entries.map(async (entry) => ({
      entry,
      score: hex(await crypto.subtle.sign('HMAC', key, encoder.encode(entry.id))),
    })),
  );
  scored.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : byUtf8Bytes(a.entry.id, b.entry.id)));
  const slots = result.prizes.flatMap((prize, index) => Array.from({ length: prize.count }, () => index));
  const won = new Set();
  const winners = [];
  for (const { entry } of scored) {
    if (winners.length === slots.length) break;
    if (won.has(entry.holder)) continue;
    won.add(entry.holder);
    winners.push({ entryId: entry.id, prize: slots[winners.length] });
  }
  const sameWinners =
    handOversHold(scored, won, winners, result.lapsed ?? []) &&
    JSON.stringify(winners) === JSON.stringify(result.winners.map(({ entryId, prize }) => ({ entryId, prize })));
  return {
    commitment: commitment === result.commitment,
    entriesDigest: entriesDigest === result.entriesDigest,
    winners: sameWinners,
  };
}

/** A prize not claimed in time passes to the first entry in score order whose member has not won in this draw. */
function handOversHold(scored, won, winners, lapsed) {
  const holding = new Map(winners.map((winner) => [winner.entryId, winner.prize]));
  let holds = true;
  for (const lapse of lapsed) {
    if (holding.get(lapse.entryId) !== lapse.prize) holds = false;
    holding.delete(lapse.entryId);
    const next = scored.find(({ entry }) => !won.has(entry.holder));
    if ((next?.entry.id ?? null) !== lapse.replacedBy) holds = false;
    if (next) {
      won.add(next.entry.holder);
      holding.set(next.entry.id, lapse.prize);
    }
  }
  return holds;
}
