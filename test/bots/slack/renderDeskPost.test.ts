// The ticket's message and the thread posts as Slack receives them: pure
// functions from the desk's neutral values to Block Kit and mrkdwn.
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderCard, renderThreadText } from '../../../bots/slack/renderDeskPost.ts';
import { deskPayload } from '../../../core/desk/deskPayloads.ts';
import type { DeskPost } from '../../../core/desk/deskPost.ts';
import type { DeskCard } from '../../../core/desk/ticketCard.ts';

const HOSTILE_NAME = '<!channel> & <https://evil|bank>';
const ESCAPED_NAME = '&lt;!channel&gt; &amp; &lt;https://evil|bank&gt;';

function card(overrides: Partial<DeskCard> = {}): DeskCard {
  return {
    summary: 'Ticket #T-1 — Anna — open',
    title: 'Ticket #T-1 — Anna',
    fields: [
      { label: 'Status', value: 'open' },
      { label: 'Phone', value: '+37369123456' },
    ],
    quote: 'The coffee was cold',
    notes: ['Opened 12.05 10:00', 'No purchases yet'],
    buttons: [
      { label: 'Take', payload: deskPayload.take('t1') },
      { label: 'Resolve', payload: deskPayload.resolve('t1') },
    ],
    ...overrides,
  };
}

function threadPost(
  overrides: Partial<Extract<DeskPost, { kind: 'thread' }>> = {},
): Extract<DeskPost, { kind: 'thread' }> {
  return { kind: 'thread', text: 'Anna wrote:', ...overrides };
}

type AnyBlock = KnownBlock & {
  text?: { text: string };
  fields?: { text: string }[];
  elements?: Array<{ text?: unknown; style?: string; action_id?: string; value?: string }>;
};

function blocksOf(rendered: { blocks: KnownBlock[] }): AnyBlock[] {
  return rendered.blocks as AnyBlock[];
}

/** Every mrkdwn string Slack would parse in a rendered card: its `text` and each block's texts. */
function mrkdwnTexts(rendered: { text: string; blocks: KnownBlock[] }): string[] {
  const texts = [rendered.text];
  for (const block of blocksOf(rendered)) {
    if (block.text) texts.push(block.text.text);
    for (const field of block.fields ?? []) texts.push(field.text);
    if (block.type === 'context') for (const element of block.elements ?? []) texts.push(String(element.text));
  }
  return texts;
}

/** Slack turns `<…>` into a mention or a link; escaped text holds no `<` at all. */
function hasLiveMarkup(text: string): boolean {
  return text.includes('<');
}

describe('renderCard', () => {
  it('shows the title in bold, then the fields, the quote, the notes and the buttons, in that order', () => {
    const blocks = blocksOf(renderCard(card()));
    expect(blocks.map((block) => block.type)).toEqual(['section', 'section', 'section', 'context', 'actions']);
    expect(blocks[0]?.text?.text).toBe('*Ticket #T-1 — Anna*');
    expect(blocks[1]?.fields?.map((field) => field.text)).toEqual(['*Status*\nopen', '*Phone*\n+37369123456']);
  });

  it('uses the summary as the notification text', () => {
    expect(renderCard(card()).text).toBe('Ticket #T-1 — Anna — open');
  });

  it('shows at most 10 fields, the most Slack accepts in a section', () => {
    const fields = Array.from({ length: 14 }, (_, i) => ({ label: `Label ${i}`, value: `value ${i}` }));
    const [, facts] = blocksOf(renderCard(card({ fields })));
    expect(facts?.fields).toHaveLength(10);
    expect(facts?.fields?.at(-1)?.text).toBe('*Label 9*\nvalue 9');
  });

  it('shows the member’s words as a block quote, every line of them', () => {
    const [, , quote] = blocksOf(renderCard(card({ quote: 'The coffee was cold\nand nobody cared' })));
    expect(quote?.text?.text).toBe('>The coffee was cold\n>and nobody cared');
  });

  it('leaves the quote out when the member wrote nothing', () => {
    const blocks = blocksOf(renderCard(card({ quote: null })));
    expect(blocks.map((block) => block.type)).toEqual(['section', 'section', 'context', 'actions']);
  });

  it('shows the notes as one smaller context line each', () => {
    const context = blocksOf(renderCard(card())).find((block) => block.type === 'context');
    expect(context?.elements).toEqual([
      { type: 'mrkdwn', text: 'Opened 12.05 10:00\nNo purchases yet', verbatim: true },
    ]);
  });

  it('makes Take the primary button and gives each button its payload as action id and value', () => {
    const actions = blocksOf(renderCard(card())).find((block) => block.type === 'actions');
    expect(actions?.elements).toEqual([
      {
        type: 'button',
        action_id: 'desk:take:t1',
        value: 'desk:take:t1',
        text: { type: 'plain_text', text: 'Take' },
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'desk:resolve:t1',
        value: 'desk:resolve:t1',
        text: { type: 'plain_text', text: 'Resolve' },
      },
    ]);
  });

  it('shows no actions block on a resolved ticket, which has no buttons', () => {
    const blocks = blocksOf(renderCard(card({ buttons: [] })));
    expect(blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});

describe('renderCard escaping', () => {
  it('never turns a member’s name into a mention or a link, in the title, the fields or the summary', () => {
    const rendered = renderCard(
      card({
        title: `Ticket — ${HOSTILE_NAME}`,
        summary: `Ticket — ${HOSTILE_NAME} — open`,
        fields: [{ label: 'Name', value: HOSTILE_NAME }],
      }),
    );
    const texts = mrkdwnTexts(rendered);
    expect(texts.filter(hasLiveMarkup)).toEqual([]);
    expect(blocksOf(rendered)[0]?.text?.text).toBe(`*Ticket — ${ESCAPED_NAME}*`);
    expect(blocksOf(rendered)[1]?.fields?.[0]?.text).toBe(`*Name*\n${ESCAPED_NAME}`);
    expect(rendered.text).toBe(`Ticket — ${ESCAPED_NAME} — open`);
  });

  it('never lets a quote or a note call everyone', () => {
    const rendered = renderCard(
      card({ quote: 'hello <!here> and <@U0MARIA01>', notes: ['Comment: <!everyone> & co'] }),
    );
    expect(mrkdwnTexts(rendered).filter(hasLiveMarkup)).toEqual([]);
    const [, , quote, notes] = blocksOf(rendered);
    expect(quote?.text?.text).toBe('>hello &lt;!here&gt; and &lt;@U0MARIA01&gt;');
    expect(notes?.elements?.[0]?.text).toBe('Comment: &lt;!everyone&gt; &amp; co');
  });

  it('keeps a quote’s own `>` lines inside the quote instead of ending it', () => {
    const [, , quote] = blocksOf(renderCard(card({ quote: '> not a quote\n>> nor this' })));
    expect(quote?.text?.text).toBe('>&gt; not a quote\n>&gt;&gt; nor this');
  });
});

describe('renderCard clipping', () => {
  it('clips an over-long title, field, quote and note to what Slack accepts instead of failing', () => {
    const long = 'x'.repeat(10_000);
    const blocks = blocksOf(
      renderCard(card({ title: long, fields: [{ label: 'Comment', value: long }], quote: long, notes: [long] })),
    );
    expect(blocks[0]?.text?.text.length).toBe(3000);
    expect(blocks[1]?.fields?.[0]?.text.length).toBe(2000);
    expect(blocks[2]?.text?.text.length).toBe(3000);
    expect(String(blocks[3]?.elements?.[0]?.text).length).toBe(3000);
    expect(blocks[2]?.text?.text.endsWith('…')).toBe(true);
  });

  it('clips a button label to Slack’s 75 characters', () => {
    const actions = blocksOf(
      renderCard(card({ buttons: [{ label: 'T'.repeat(200), payload: deskPayload.take('t1') }] })),
    ).find((block) => block.type === 'actions');
    expect((actions?.elements?.[0]?.text as { text: string }).text).toHaveLength(75);
  });

  it('clips after escaping, so the escaped text is what fits', () => {
    const [, , quote] = blocksOf(renderCard(card({ quote: '<'.repeat(2000) })));
    expect(quote?.text?.text.length).toBe(3000);
    expect(hasLiveMarkup(quote?.text?.text ?? '')).toBe(false);
  });
});

describe('renderThreadText', () => {
  it('writes the desk’s words, then someone’s own words as a quote', () => {
    expect(renderThreadText(threadPost({ quote: 'Where are my points?\nI paid yesterday' }))).toBe(
      'Anna wrote:\n>Where are my points?\n>I paid yesterday',
    );
  });

  it('calls everyone with <!here> only on a broadcast', () => {
    expect(renderThreadText(threadPost({ text: 'Nobody took ticket #T-1 yet', broadcast: true }))).toBe(
      '<!here> Nobody took ticket #T-1 yet',
    );
    expect(renderThreadText(threadPost({ text: 'Nobody took ticket #T-1 yet' }))).toBe('Nobody took ticket #T-1 yet');
    expect(renderThreadText(threadPost({ text: 'Nobody took ticket #T-1 yet', broadcast: false }))).not.toContain(
      '<!here>',
    );
  });

  it('never lets a customer’s words or a name in the text call everyone or link', () => {
    const text = renderThreadText(
      threadPost({ text: `${HOSTILE_NAME} wrote:`, quote: '<!here> please <https://evil|click>' }),
    );
    expect(hasLiveMarkup(text)).toBe(false);
    expect(text).toBe(`${ESCAPED_NAME} wrote:\n>&lt;!here&gt; please &lt;https://evil|click&gt;`);
  });

  it('keeps a broadcast’s only live markup at its start', () => {
    const text = renderThreadText(threadPost({ text: 'Call <!channel>', quote: '<!here>', broadcast: true }));
    expect(text.startsWith('<!here> ')).toBe(true);
    expect(hasLiveMarkup(text.slice('<!here> '.length))).toBe(false);
  });

  it('clips an over-long post below Slack’s 40,000 characters instead of failing', () => {
    const text = renderThreadText(threadPost({ quote: 'y'.repeat(50_000) }));
    expect(text.length).toBe(39_000);
    expect(text.endsWith('…')).toBe(true);
  });
});
