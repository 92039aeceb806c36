// The web chat's inbox through the real application: what the outbox
// delivers to a visitor is there for their page to fetch, and for nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, visitorFrom, type WebApp } from './support/webApp.ts';

interface InboxAnswer {
  messages: { id: string; text: string }[];
  cursor: number;
}

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp();
});

afterAll(async () => {
  await web.stop();
});

async function newVisitor(): Promise<string> {
  return visitorFrom(await fetch(`${web.app.url}/`));
}

async function inbox(visitor: string | null, after?: number): Promise<InboxAnswer & { response: Response }> {
  const query = after === undefined ? '' : `?after=${after}`;
  const response = await fetch(`${web.app.url}/webchat/inbox${query}`, {
    headers: visitor ? { cookie: `loyalty_visitor=${visitor}` } : {},
  });
  return { ...((await response.json()) as InboxAnswer), response };
}

async function eventuallyInInbox(visitor: string, text: string, after?: number): Promise<InboxAnswer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await inbox(visitor, after);
    if (answer.messages.some((message) => message.text === text)) return answer;
    if (Date.now() > deadline) throw new Error(`"${text}" never reached the inbox: ${JSON.stringify(answer.messages)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the web chat inbox', () => {
  it('holds what the outbox sent to a visitor, and nothing sent to another one', async () => {
    const anna = await newVisitor();
    const boris = await newVisitor();
    await web.send(anna, 'You earned 50 points');
    const answer = await eventuallyInInbox(anna, 'You earned 50 points');
    expect(answer.messages).toEqual([{ id: expect.any(String), text: 'You earned 50 points' }]);
    expect((await inbox(boris)).messages).toEqual([]);
  });

  it('answers with a cursor from which only newer messages (and a short overlap) come back', async () => {
    const anna = await newVisitor();
    await web.send(anna, 'first');
    const first = await eventuallyInInbox(anna, 'first');
    await web.send(anna, 'second');
    const second = await eventuallyInInbox(anna, 'second', first.cursor);
    expect(second.messages.map((message) => message.text).at(-1)).toBe('second');
    expect(second.cursor).toBeGreaterThan(first.cursor);
    // Far past the overlap, nothing already seen comes back.
    expect((await inbox(anna, second.cursor + 60_000)).messages).toEqual([]);
  });

  it('gives a request without a visitor cookie an empty inbox and no cookie', async () => {
    const answer = await inbox(null);
    expect(answer.messages).toEqual([]);
    expect(answer.response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a cursor that is not a number', async () => {
    const response = await fetch(`${web.app.url}/webchat/inbox?after=yesterday`);
    expect(response.status).toBe(400);
  });
});
