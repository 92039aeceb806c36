/**
 * Button payloads of contests, within Telegram's 64 bytes: a vote names the
 * entry (never a position alone, which could point elsewhere once more
 * entries are approved) and where the voter was in their order.
 */
export const CONTEST_SCOPE = 'contest';

export const contestPayload = {
  open: (contestId: string) => `${CONTEST_SCOPE}:o:${contestId}`,
  submit: (contestId: string) => `${CONTEST_SCOPE}:s:${contestId}`,
  show: (contestId: string, index: number) => `${CONTEST_SCOPE}:n:${contestId}:${index}`,
  vote: (entryId: string, index: number) => `${CONTEST_SCOPE}:v:${entryId}:${index}`,
};

export type ContestPress =
  | { kind: 'open' | 'submit'; contestId: string }
  | { kind: 'show'; contestId: string; index: number }
  | { kind: 'vote'; entryId: string; index: number }
  | { kind: 'unknown' };

const ID = /^[A-Za-z0-9-]{1,40}$/;
const INDEX = /^\d{1,5}$/;

export function parseContestPayload(raw: string): ContestPress {
  const [scope, kind, id, index, extra] = raw.split(':');
  if (scope !== CONTEST_SCOPE || extra !== undefined || !id || !ID.test(id)) return { kind: 'unknown' };
  if ((kind === 'o' || kind === 's') && index === undefined)
    return { kind: kind === 'o' ? 'open' : 'submit', contestId: id };
  if (index === undefined || !INDEX.test(index)) return { kind: 'unknown' };
  if (kind === 'n') return { kind: 'show', contestId: id, index: Number(index) };
  if (kind === 'v') return { kind: 'vote', entryId: id, index: Number(index) };
  return { kind: 'unknown' };
}
