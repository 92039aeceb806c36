import { MAIN_MENU_PAYLOAD } from '../../core/menu/mainMenu.ts';
import type { Button, Outbound } from '../../core/outbound.ts';

/** A reply as the chat page draws it; images travel inline as data URLs. */
export interface WebChatReply {
  text: string;
  /** The buttons that belong to this reply (choices, switches). */
  buttons?: Button[][];
  /** The main menu the reply ended with; the page keeps it behind its own Menu control instead of under the message. */
  menu?: Button[][];
  image?: { src: string; alt: string };
  /** When the page replaces the reply's text with `text` and takes its picture away (an expired code). */
  stale?: { inMs: number; text: string };
  /** The page shows it but never stores it (it carries a one-time till code). */
  ephemeral?: true;
}

/**
 * The main menu goes to the page's Menu control. A "back to the menu" button
 * is dropped: that control is the way back on every screen.
 */
export function renderWebChatReply(reply: Outbound): WebChatReply {
  const rows = reply.buttons ?? [];
  const split = reply.menuFrom ?? rows.length;
  const own = rows
    .slice(0, split)
    .map((row) => row.filter((button) => button.payload !== MAIN_MENU_PAYLOAD))
    .filter((row) => row.length > 0);
  const menu = rows.slice(split);
  return {
    text: reply.text,
    ...(own.length > 0 && { buttons: own }),
    ...(menu.length > 0 && { menu }),
    ...(reply.image &&
      'png' in reply.image && {
        image: {
          src: `data:image/png;base64,${Buffer.from(reply.image.png).toString('base64')}`,
          alt: reply.image.alt,
        },
      }),
    ...(reply.stale && { stale: reply.stale }),
    ...(reply.ephemeral && { ephemeral: true as const }),
  };
}
