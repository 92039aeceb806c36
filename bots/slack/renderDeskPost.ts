import type { KnownBlock } from '@slack/types';
import type { DeskCard } from '../../core/desk/ticketCard.ts';
import type { DeskPost } from '../../core/desk/deskPost.ts';
import { deskPayload } from '../../core/desk/deskPayloads.ts';
import { clip, escapeSlack, quoteSlack } from './slackText.ts';

const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const BUTTON_LABEL_MAX = 75;

/** A ticket's message: title, the member's facts as fields, their words, notes, and the buttons. */
export function renderCard(card: DeskCard): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${escapeSlack(card.title)}*`, SECTION_MAX), verbatim: true },
    },
    {
      type: 'section',
      fields: card.fields.slice(0, 10).map((field) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${escapeSlack(field.label)}*\n${escapeSlack(field.value)}`, FIELD_MAX),
        verbatim: true,
      })),
    },
  ];
  // `verbatim`: Slack shows the member's words as written, without turning bare URLs into links.
  if (card.quote)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(quoteSlack(card.quote), SECTION_MAX), verbatim: true },
    });
  if (card.notes.length > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(escapeSlack(card.notes.join('\n')), SECTION_MAX), verbatim: true }],
    });
  if (card.buttons.length > 0) {
    blocks.push({
      type: 'actions',
      elements: card.buttons.map((button) => ({
        type: 'button' as const,
        // The payload is the action id too, so one listener (`/^desk:/`) gets them all.
        action_id: button.payload,
        value: button.payload,
        text: { type: 'plain_text' as const, text: clip(button.label, BUTTON_LABEL_MAX) },
        ...(button.payload.startsWith(deskPayload.take('')) && { style: 'primary' as const }),
      })),
    });
  }
  return { text: escapeSlack(card.summary), blocks };
}

/** A thread post as mrkdwn text: the desk's words, then someone's words quoted; a broadcast calls everyone. */
export function renderThreadText(post: Extract<DeskPost, { kind: 'thread' }>): string {
  const lines = [`${post.broadcast ? '<!here> ' : ''}${escapeSlack(post.text)}`];
  if (post.quote) lines.push(quoteSlack(post.quote));
  return clip(lines.join('\n'), 39_000);
}
