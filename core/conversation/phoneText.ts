import type { Channel } from '../inbound.ts';

/** Channels whose users can share their own number with a button. */
const sharesContacts: Record<Channel, boolean> = { telegram: true, viber: true, web: false };

/**
 * The variant of a phone-step text for the channel: where no "share my
 * number" button exists, the text must not tell people to press it.
 */
export function phoneText(channel: Channel, key: string): string {
  return sharesContacts[channel] ? key : `${key}Typed`;
}
