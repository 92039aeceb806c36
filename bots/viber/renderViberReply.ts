import { isLinkButton, type Button, type Outbound, type Picture } from '../../core/outbound.ts';
import { actionBodyOf } from './viberPayload.ts';

/** Viber's keyboard grid is six columns wide. */
const COLUMNS = 6;
/** Viber refuses longer texts. */
export const MAX_TEXT = 7_000;
/** A picture's description is far shorter than a text message (Viber documents 120 characters). */
const MAX_PICTURE_TEXT = 120;
/** The share-phone button exists from API version 3; older clients would not show it. */
const SHARE_PHONE_API_VERSION = 3;

export interface ViberButton {
  Columns: number;
  Rows: 1;
  ActionType: 'reply' | 'share-phone' | 'open-url';
  ActionBody: string;
  Text: string;
  /** The press is not shown as a message of the person's own (an open-url press still reaches the bot: `isLinkEcho`). */
  Silent: true;
}

export interface ViberKeyboard {
  Type: 'keyboard';
  DefaultHeight: false;
  Buttons: ViberButton[];
}

/** One message as `send_message` takes it, without `receiver` and `sender` (the sender adds them). */
export type ViberMessage =
  | { type: 'text'; text: string; keyboard?: ViberKeyboard; min_api_version?: number }
  | { type: 'picture'; text: string; media: string; keyboard?: ViberKeyboard };

/** Where a reply's picture is published, so that Viber can fetch it by URL. */
export type PublishImage = (png: Uint8Array) => Promise<string>;

/**
 * How a neutral reply looks in Viber: its buttons become a keyboard (reply
 * buttons carrying the payload, open-url buttons for links), a contact
 * request a share-phone button, a picture a URL Viber fetches (a drawn one is
 * published first). A text longer than Viber takes is split at line breaks;
 * the keyboard goes with the last part, which is what stays on screen.
 */
export async function renderViberReply(reply: Outbound, publish: PublishImage): Promise<ViberMessage[]> {
  const keyboard = keyboardOf(reply);
  const parts: ViberMessage[] = [];
  let text = reply.text;
  const media = reply.image && (await mediaOf(reply.image, publish));
  if (reply.image && media) {
    const caption = text.length <= MAX_PICTURE_TEXT ? text : reply.image.alt.slice(0, MAX_PICTURE_TEXT);
    parts.push({ type: 'picture', text: caption, media });
    if (caption === text) text = '';
  }
  for (const chunk of splitText(text)) parts.push({ type: 'text', text: chunk });
  const last = parts.at(-1);
  if (!last) return parts;
  if (keyboard) {
    last.keyboard = keyboard;
    if (reply.contactRequest && last.type === 'text') last.min_api_version = SHARE_PHONE_API_VERSION;
  }
  return parts;
}

/**
 * Whether the reply is one Viber message, as one broadcast carries: a text
 * within the limit, or a picture whose text fits its caption. It reads as
 * `renderViberReply` cuts, without publishing anything.
 */
export function rendersAsOneMessage(reply: Outbound): boolean {
  if (!reply.image) return splitText(reply.text).length === 1;
  return reply.text.length <= MAX_PICTURE_TEXT;
}

/** Drawn pictures are published for Viber to fetch; a picture on the web is fetched where it is, over https only. */
async function mediaOf(image: Picture, publish: PublishImage): Promise<string | undefined> {
  if ('png' in image) return publish(image.png);
  return image.url.startsWith('https://') ? image.url : undefined;
}

function keyboardOf(reply: Outbound): ViberKeyboard | undefined {
  const rows: ViberButton[][] = (reply.buttons ?? []).map((row) => row.map(keyboardButton));
  if (reply.contactRequest)
    rows.unshift([{ ...button(reply.contactRequest, 'share-phone', 'phone'), Columns: COLUMNS }]);
  const buttons = rows.flatMap(spreadOverGrid);
  return buttons.length > 0 ? { Type: 'keyboard', DefaultHeight: false, Buttons: buttons } : undefined;
}

/** A link opens its address in Viber's browser; any other button replies with its payload. */
function keyboardButton(b: Button): ViberButton {
  return isLinkButton(b) ? button(b.label, 'open-url', b.url) : button(b.label, 'reply', actionBodyOf(b.payload));
}

function button(text: string, ActionType: ViberButton['ActionType'], ActionBody: string): ViberButton {
  return { Columns: COLUMNS, Rows: 1, ActionType, ActionBody, Text: text, Silent: true };
}

/**
 * A row's buttons share the six columns, the first ones one column wider
 * when six does not divide evenly; a row of more than six is broken.
 */
function spreadOverGrid(row: ViberButton[]): ViberButton[] {
  const spread: ViberButton[] = [];
  for (let start = 0; start < row.length; start += COLUMNS) {
    const line = row.slice(start, start + COLUMNS);
    const base = Math.floor(COLUMNS / line.length);
    const wider = COLUMNS - base * line.length;
    line.forEach((b, index) => spread.push({ ...b, Columns: base + (index < wider ? 1 : 0) }));
  }
  return spread;
}

/** Parts of at most MAX_TEXT characters, cut at a line break when there is one; one empty text stays one part. */
export function splitText(text: string): string[] {
  if (text.length <= MAX_TEXT) return text === '' ? [] : [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > MAX_TEXT) {
    const cut = rest.lastIndexOf('\n', MAX_TEXT);
    const at = cut > MAX_TEXT / 2 ? cut : MAX_TEXT;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}
