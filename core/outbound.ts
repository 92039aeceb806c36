/** A button the person can press; `payload` comes back as a `button` event. */
export interface PayloadButton {
  label: string;
  payload: string;
  url?: never;
}

/**
 * A button that opens a web page in the person's browser; `url` is an https
 * address (`isHttpsUrl`), which stored messages are checked against when read.
 * Nothing comes back to the core: the platform opens the page itself.
 */
export interface LinkButton {
  label: string;
  url: string;
  payload?: never;
}

/**
 * One button under a message: it answers with a payload or opens a web page.
 * Each kind declares the other's field as absent, so code that only compares
 * `button.payload` keeps compiling and never mistakes a link for a payload.
 */
export type Button = PayloadButton | LinkButton;

/** Whether the button opens a web page rather than answering with a payload. */
export function isLinkButton(button: Button): button is LinkButton {
  return typeof button.url === 'string';
}

/**
 * A picture: one the system drew (a card's QR code) as PNG bytes, or one on
 * the web (a quiz question's) by its https address, which the platform or
 * the browser fetches. `alt` says what it shows, for screen readers and for
 * a channel that cannot show it.
 */
export type Picture = { png: Uint8Array; alt: string } | { url: string; alt: string };

/**
 * One message for the person, already localized. Adapters render it with
 * their platform's means (inline keyboards, Viber keyboards, HTML buttons).
 */
export interface Outbound {
  text: string;
  /** Rows of buttons under the message. */
  buttons?: Button[][];
  /** Ask the platform to offer a "share my phone number" button with this label. */
  contactRequest?: string;
  /** Take away a contact request offered earlier (Telegram keeps it on screen otherwise). */
  removeKeyboard?: boolean;
  /** A picture sent with `text` as its caption. */
  image?: Picture;
  /**
   * Rows from this index on are the main menu. A channel with a menu control
   * of its own (the web page) shows them there instead of under the message.
   */
  menuFrom?: number;
  /**
   * The screen stops being true `inMs` after it is shown (an expired till
   * code). A channel that can change a message already shown replaces it with
   * `text` then. A duration, not a time, so a device's wrong clock cannot
   * make a fresh code look expired.
   */
  stale?: { inMs: number; text: string };
  /** Holds a short-lived secret (a one-time till code): a channel that keeps transcripts on the device must not keep it. */
  ephemeral?: boolean;
}

export function message(text: string, buttons?: Button[][]): Outbound {
  return buttons && buttons.length > 0 ? { text, buttons } : { text };
}
