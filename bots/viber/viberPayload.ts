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
