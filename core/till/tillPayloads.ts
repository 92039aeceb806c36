/**
 * Payloads of the till's buttons. They live apart from the customer
 * payloads on purpose: `parsePayload` does not know them, so a customer who
 * forges one gets the usual "button no longer active" answer. Tokens tie a
 * button to the screen that showed it (≤ 64 bytes with a UUID).
 */
export const tillPayload = {
  open: 'till:open',
  cancel: 'till:cancel',
  /** Shows a code that connects the member's chat to the card (a member enrolled at the till has none). */
  linkCode: 'till:link',
  earnOnly: (ref: string) => `till:earn:${ref}`,
  spend: (ref: string) => `till:spend:${ref}`,
  confirm: (receiptId: string) => `till:ok:${receiptId}`,
} as const;

export type TillPress =
  | { kind: 'open' }
  | { kind: 'cancel' }
  | { kind: 'linkCode' }
  | { kind: 'earnOnly' | 'spend'; ref: string }
  | { kind: 'confirm'; receiptId: string }
  | { kind: 'unknown' };

/** The till button behind a payload; null when the payload is not the till's at all. */
export function parseTillPayload(raw: string): TillPress | null {
  const [scope, action, token] = raw.split(':');
  if (scope !== 'till') return null;
  if (action === 'open' && token === undefined) return { kind: 'open' };
  if (action === 'cancel' && token === undefined) return { kind: 'cancel' };
  if (action === 'link' && token === undefined) return { kind: 'linkCode' };
  if (!token) return { kind: 'unknown' };
  if (action === 'earn') return { kind: 'earnOnly', ref: token };
  if (action === 'spend') return { kind: 'spend', ref: token };
  if (action === 'ok') return { kind: 'confirm', receiptId: token };
  return { kind: 'unknown' };
}
