/**
 * News and offers buttons: `offers:yes` and `offers:no` under the question
 * after registration, `offers:stop` under every campaign message, and
 * `offers:on` / `offers:off` as the switch in the notification settings.
 */
export const OFFERS_SCOPE = 'offers';

const answers = ['yes', 'no', 'stop', 'on', 'off'] as const;
export type OffersPress = (typeof answers)[number];

export const offersPayload = (press: OffersPress) => `${OFFERS_SCOPE}:${press}`;

export function parseOffersPayload(raw: string): OffersPress | null {
  const [scope, press, extra] = raw.split(':');
  if (scope !== OFFERS_SCOPE || extra !== undefined) return null;
  return (answers as readonly string[]).includes(press ?? '') ? (press as OffersPress) : null;
}
