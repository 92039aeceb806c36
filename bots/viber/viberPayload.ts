import { isHttpsUrl } from '../../core/isHttpsUrl.ts';

/**
 * Pressing a Viber `reply` button sends its `ActionBody` back as an
 * ordinary text message, indistinguishable on the wire from typed words.
 * Our buttons' bodies therefore carry this prefix, which nobody types by
 * accident, so a payload is never read as text and typed text never as a
 * payload.
 */
const BUTTON_PREFIX = 'btn:';

export function actionBodyOf(payload: string): string {
  return `${BUTTON_PREFIX}${payload}`;
}

/** The payload of a pressed button, or null when the text was typed. */
export function payloadOfText(text: string): string | null {
  return text.startsWith(BUTTON_PREFIX) ? text.slice(BUTTON_PREFIX.length) : null;
}

/**
 * Viber also sends the address of an open-url button the person pressed as a
 * text message of theirs, even when the button is silent. A text that is one
 * https address and nothing else is taken for that echo and left unanswered,
 * rather than answered as words the assistant does not understand.
 */
export function isLinkEcho(text: string): boolean {
  return isHttpsUrl(text);
}
