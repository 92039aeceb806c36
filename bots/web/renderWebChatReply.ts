import type { Button, Outbound } from '../../core/outbound.ts';

/** A reply as the chat page draws it; images travel inline as data URLs. */
export interface WebChatReply {
  text: string;
  /** The buttons that belong to this reply (choices, switches). */
  buttons?: Button[][];
  /** The main menu the reply ended with; the page keeps it behind its own Menu control instead of under the message. */
  menu?: Button[][];
  image?: { src: string; alt: string };
  /** The page shows it but never stores it (it carries a one-time till code). */
  ephemeral?: true;
}

/** Main-menu buttons are the ones whose payload opens a menu item (`menu:…`). */
const isMenuRow = (row: Button[]) => row.length > 0 && row.every((button) => button.payload.startsWith('menu:'));

export function renderWebChatReply(reply: Outbound): WebChatReply {
  const own = reply.buttons?.filter((row) => !isMenuRow(row)) ?? [];
  const menu = reply.buttons?.filter(isMenuRow) ?? [];
  return {
    text: reply.text,
    ...(own.length > 0 && { buttons: own }),
    ...(menu.length > 0 && { menu }),
    ...(reply.image && {
      image: { src: `data:image/png;base64,${Buffer.from(reply.image.png).toString('base64')}`, alt: reply.image.alt },
    }),
    ...(reply.ephemeral && { ephemeral: true as const }),
  };
}
