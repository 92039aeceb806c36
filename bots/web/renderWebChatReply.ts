import type { Button, Outbound } from '../../core/outbound.ts';

/** A reply as the chat page draws it; images travel inline as data URLs. */
export interface WebChatReply {
  text: string;
  buttons?: Button[][];
  image?: { src: string; alt: string };
}

export function renderWebChatReply(reply: Outbound): WebChatReply {
  return {
    text: reply.text,
    ...(reply.buttons && { buttons: reply.buttons }),
    ...(reply.image && { image: { src: `data:image/png;base64,${Buffer.from(reply.image.png).toString('base64')}`, alt: reply.image.alt } }),
  };
}
