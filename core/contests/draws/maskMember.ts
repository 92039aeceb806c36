/**
 * A member as the public result shows them: first name, the initial of the
 * last, and the last four digits of their phone (or card), so a winner
 * recognises themselves and nobody else learns who entered: "Ana P. ••0747".
 */
export function maskMember(name: string | null, phone: string | null, cardNumber: string): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '—';
  const initial = words.length > 1 ? ` ${[...words[words.length - 1]!][0]!.toUpperCase()}.` : '';
  const digits = (phone ?? cardNumber).replace(/\D/g, '').slice(-4);
  return `${first}${initial} ••${digits}`;
}
