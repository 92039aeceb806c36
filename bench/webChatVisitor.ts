import { randomUUID } from 'node:crypto';

interface WebReply {
  text: string;
}

/** A person in the web chat, posting to `POST /webchat/messages` over loopback HTTP with the page's cookie. */
export interface WebChatVisitor {
  /** Presses a button; rejects unless the chat answered it. */
  press(payload: string): Promise<void>;
}

/**
 * Joins the programme in the web chat as a person would (greeting, consent,
 * name, phone, birthday, no to news and offers), so that what is timed
 * afterwards is a member's request, not a stranger's.
 */
export async function joinedWebChatVisitor(base: string, phone: string): Promise<WebChatVisitor> {
  let cookie: string | undefined;
  const post = async (event: Record<string, string>): Promise<WebReply[]> => {
    const response = await fetch(`${base}/webchat/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(cookie && { cookie: `loyalty_visitor=${cookie}` }),
      },
      body: JSON.stringify({ id: randomUUID(), event }),
    });
    if (response.status !== 200) throw new Error(`The web chat answered ${response.status}: ${await response.text()}`);
    const issued = response.headers.getSetCookie().find((value) => value.startsWith('loyalty_visitor='));
    if (issued) cookie = issued.split(';')[0]!.slice('loyalty_visitor='.length);
    return ((await response.json()) as { replies: WebReply[] }).replies;
  };
  await post({ kind: 'text', text: 'hello' });
  await post({ kind: 'button', payload: 'consent:yes:en' });
  await post({ kind: 'text', text: 'Bench Visitor' });
  await post({ kind: 'text', text: phone });
  await post({ kind: 'text', text: '12.03.1990' });
  await post({ kind: 'button', payload: 'offers:no' });
  return {
    press: async (payload) => {
      const replies = await post({ kind: 'button', payload });
      if (replies.length === 0) throw new Error(`The web chat answered ${payload} with nothing.`);
    },
  };
}
