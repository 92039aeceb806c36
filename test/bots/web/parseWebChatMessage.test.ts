import { describe, expect, it } from 'vitest';
import {
  parseWebChatMessage,
  webChatMessageSchema,
  type WebChatMessage,
} from '../../../bots/web/parseWebChatMessage.ts';

const VISITOR = 'visitor-0123456789abcdefghij';

function post(event: WebChatMessage['event'], id = 'msg-0001'): WebChatMessage {
  return { id, event };
}

describe('parseWebChatMessage', () => {
  it('turns typed text into a text event of the web channel, addressed to the visitor', () => {
    expect(parseWebChatMessage(post({ kind: 'text', text: 'Anna' }), VISITOR)).toEqual({
      channel: 'web',
      address: VISITOR,
      updateId: `${VISITOR}:msg-0001`,
      repliesInResponse: true,
      event: { kind: 'text', text: 'Anna' },
    });
  });

  it('scopes the update id by visitor, so two visitors choosing the same id never collide', () => {
    const a = parseWebChatMessage(post({ kind: 'text', text: 'hi' }), 'visitor-a-0123456789abcdefgh');
    const b = parseWebChatMessage(post({ kind: 'text', text: 'hi' }), 'visitor-b-0123456789abcdefgh');
    expect(a.updateId).not.toBe(b.updateId);
  });

  it('passes a pressed button on with its payload', () => {
    expect(parseWebChatMessage(post({ kind: 'button', payload: 'menu:balance' }), VISITOR).event).toEqual({
      kind: 'button',
      payload: 'menu:balance',
    });
  });

  it('passes the start command the page sends on a first visit', () => {
    expect(parseWebChatMessage(post({ kind: 'command', command: 'start' }), VISITOR).event).toEqual({
      kind: 'command',
      command: 'start',
    });
  });

  it('treats text typed as /balance as the balance command', () => {
    expect(parseWebChatMessage(post({ kind: 'text', text: '  /Balance ' }), VISITOR).event).toEqual({
      kind: 'command',
      command: 'balance',
    });
  });

  it('keeps what follows a typed command as its payload', () => {
    expect(parseWebChatMessage(post({ kind: 'text', text: '/start friend-42' }), VISITOR).event).toEqual({
      kind: 'command',
      command: 'start',
      payload: 'friend-42',
    });
  });

  it('leaves text that merely contains a slash as text', () => {
    expect(parseWebChatMessage(post({ kind: 'text', text: '29/02' }), VISITOR).event).toEqual({
      kind: 'text',
      text: '29/02',
    });
  });

  it('hands the browser language on as a hint and omits it when there is none', () => {
    expect(parseWebChatMessage(post({ kind: 'text', text: 'hi' }), VISITOR, 'ru-RU,ru;q=0.9').languageHint).toBe(
      'ru-RU,ru;q=0.9',
    );
    expect(parseWebChatMessage(post({ kind: 'text', text: 'hi' }), VISITOR)).not.toHaveProperty('languageHint');
  });
});

describe('webChatMessageSchema', () => {
  it('accepts the three kinds of event the page posts', () => {
    for (const event of [
      { kind: 'text', text: 'hi' },
      { kind: 'button', payload: 'menu:card' },
      { kind: 'command', command: 'start' },
    ]) {
      expect(webChatMessageSchema.safeParse({ id: crypto.randomUUID(), event }).success).toBe(true);
    }
  });

  it.each([
    ['an id shorter than 8 characters', { id: 'short', event: { kind: 'text', text: 'hi' } }],
    ['an id longer than 64 characters', { id: 'x'.repeat(65), event: { kind: 'text', text: 'hi' } }],
    ['an id with characters outside [A-Za-z0-9_-]', { id: 'msg 0001/..', event: { kind: 'text', text: 'hi' } }],
    ['empty text', { id: 'msg-0001', event: { kind: 'text', text: '' } }],
    ['text over 4000 characters', { id: 'msg-0001', event: { kind: 'text', text: 'a'.repeat(4001) } }],
    ['a button without payload', { id: 'msg-0001', event: { kind: 'button' } }],
    ['a payload over 64 characters', { id: 'msg-0001', event: { kind: 'button', payload: 'p'.repeat(65) } }],
    ['a command with capitals or spaces', { id: 'msg-0001', event: { kind: 'command', command: 'Start now' } }],
    ['an event kind the page never sends', { id: 'msg-0001', event: { kind: 'contact', phone: '+37369123456' } }],
    ['a missing event', { id: 'msg-0001' }],
  ])('refuses %s', (_what, body) => {
    expect(webChatMessageSchema.safeParse(body).success).toBe(false);
  });

  it('explains a bad id in words a developer can act on', () => {
    const result = webChatMessageSchema.safeParse({ id: 'bad', event: { kind: 'text', text: 'hi' } });
    expect(result.error?.issues[0]?.message).toBe('id must be 8–64 characters of letters, digits, _ or -');
  });
});
