import { isHttpsUrl } from '../../core/isHttpsUrl.ts';
import { MAIN_MENU_PAYLOAD } from '../../core/menu/mainMenu.ts';
import { isLinkButton, type Button, type Outbound, type Picture } from '../../core/outbound.ts';

/** A reply as the chat page draws it; drawn images travel inline as data URLs, pictures on the web by their https address. */
export interface WebChatReply {
  text: string;
  /** The buttons that belong to this reply (choices, switches, links to pages on the web). */
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
 * is dropped: that control is the way back on every screen. So is a link
 * that is not https, which the page would refuse to draw anyway.
 */
export function renderWebChatReply(reply: Outbound): WebChatReply {
  const rows = reply.buttons ?? [];
  const split = reply.menuFrom ?? rows.length;
  const own = rows
    .slice(0, split)
    .map((row) => row.filter(belongsUnderReply))
    .filter((row) => row.length > 0);
  const menu = rows.slice(split);
  const image = reply.image && imageOf(reply.image);
  return {
    text: reply.text,
    ...(own.length > 0 && { buttons: own }),
    ...(menu.length > 0 && { menu }),
    ...(image && { image }),
    ...(reply.stale && { stale: reply.stale }),
    ...(reply.ephemeral && { ephemeral: true as const }),
  };
}

function belongsUnderReply(button: Button): boolean {
  return isLinkButton(button) ? isHttpsUrl(button.url) : button.payload !== MAIN_MENU_PAYLOAD;
}

/** A drawn picture travels inline; one on the web is loaded from its address, which the page allows over https only. */
function imageOf(image: Picture): WebChatReply['image'] {
  if ('png' in image)
    return { src: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, alt: image.alt };
  return image.url.startsWith('https://') ? { src: image.url, alt: image.alt } : undefined;
}
