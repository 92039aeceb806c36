/**
 * A name as a leaderboard shows it to other members: the first name and the
 * initial of the last ("Ana P."), so nobody's full name is published.
 */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '—';
  const [first, ...rest] = words;
  const last = rest.at(-1);
  return last ? `${first} ${[...last][0]!.toLocaleUpperCase()}.` : first!;
}
