// A Viber user as a test sees them: each action posts the signed callback
// Viber would send to the application's webhook. The webhook answers once
// the update is handled, so what the bot sent is in by then, and returned.
import { actionBodyOf } from '../../../../bots/viber/viberPayload.ts';
import type { FakeViberApi, FakeViberCall } from '../../../support/fakeViberApi.ts';
import {
  conversationStarted,
  messageCallback,
  type ViberProfile,
  type WireValue,
} from '../../../support/viberCallbacks.ts';

interface WireButton {
  ActionType: string;
  ActionBody: string;
  Text: string;
  Columns: number;
}

/** One message the bot sent to the person (or the welcome in the webhook's response). */
export interface ViberReply {
  type: string;
  text: string;
  buttons: WireButton[];
  media?: string;
  minApiVersion?: number;
  call?: FakeViberCall;
}

export class ViberUser {
  readonly profile: ViberProfile;
  private seen = 0;
  private lastKeyboard: WireButton[] = [];

  constructor(
    private readonly fake: FakeViberApi,
    id: string,
    options: { language?: string; name?: string } = {},
  ) {
    this.profile = {
      id,
      name: options.name ?? 'Anna',
      language: options.language ?? 'ru',
      country: 'MD',
      api_version: 10,
    };
  }

  get id(): string {
    return this.profile.id;
  }

  /** Opens the chat (conversation_started); resolves to the welcome in the response body, if any. */
  async opens(context?: string): Promise<{ response: Response; welcome: ViberReply | null }> {
    this.fake.personOpened(this.id);
    const response = await this.fake.deliver(conversationStarted(this.profile, this.fake.token(), context));
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const welcome = typeof body.text === 'string' ? toReply(body) : null;
    if (welcome) this.lastKeyboard = welcome.buttons;
    return { response, welcome };
  }

  types(text: string): Promise<ViberReply[]> {
    return this.sends({ type: 'text', text });
  }

  /** Presses a reply button of the keyboard on screen, by its label; it comes back as a text message. */
  taps(label: string): Promise<ViberReply[]> {
    const button = this.lastKeyboard.find((b) => b.Text === label && b.ActionType === 'reply');
    if (!button)
      throw new Error(
        `No reply button "${label}" on screen; shown: ${this.lastKeyboard.map((b) => b.Text).join(', ')}`,
      );
    return this.sends({ type: 'text', text: button.ActionBody });
  }

  /** Presses a button by the payload it carries (it need not be on screen: old keyboards can be pressed too). */
  presses(payload: string): Promise<ViberReply[]> {
    return this.sends({ type: 'text', text: actionBodyOf(payload) });
  }

  /** The share-phone button: Viber sends the person's own number as a contact message. */
  sharesPhone(phone: string): Promise<ViberReply[]> {
    if (!this.lastKeyboard.some((b) => b.ActionType === 'share-phone'))
      throw new Error('No share-phone button on screen.');
    return this.sends({ type: 'contact', contact: { name: this.profile.name, phone_number: phone } });
  }

  /** A picture as Viber delivers it: its URL on Viber's media server, the caption as `text`, its file's name and size. */
  sendsPicture(
    media: string,
    options: { caption?: string; fileName?: string; size?: number } = {},
  ): Promise<ViberReply[]> {
    return this.sends({
      type: 'picture',
      text: options.caption ?? '',
      media,
      thumbnail: media,
      ...(options.fileName !== undefined && { file_name: options.fileName }),
      ...(options.size !== undefined && { size: options.size }),
    });
  }

  /** Sends a message and returns what the bot sent back while handling it. */
  async sends(message: Record<string, WireValue>, token = this.fake.token()): Promise<ViberReply[]> {
    this.fake.personWrote(this.id);
    const response = await this.fake.deliver(messageCallback(this.profile, token, message));
    if (response.status !== 200) throw new Error(`The webhook answered ${response.status}`);
    return this.newReplies();
  }

  /** Waits until `count` more messages were sent to this person (the outbox sends on its own time). */
  async nextReplies(count: number, timeoutMs = 15_000): Promise<ViberReply[]> {
    const deadline = performance.now() + timeoutMs;
    while (this.fake.sentTo(this.id).length - this.seen < count) {
      if (performance.now() > deadline) throw new Error(`Waited for ${count} messages to ${this.id}; got fewer.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.newReplies();
  }

  /** What was sent to this person since the last look (the outbox's messages too). */
  newReplies(): ViberReply[] {
    const sent = this.fake.sentTo(this.id);
    const fresh = sent.slice(this.seen).map((call) => ({ ...toReply(call.body), call }));
    this.seen = sent.length;
    const keyboard = fresh.findLast((reply) => reply.buttons.length > 0);
    if (fresh.length > 0) this.lastKeyboard = keyboard?.buttons ?? [];
    return fresh;
  }
}

function toReply(body: Record<string, unknown>): ViberReply {
  const keyboard = body.keyboard as { Buttons?: WireButton[] } | undefined;
  return {
    type: String(body.type),
    text: String(body.text ?? ''),
    buttons: keyboard?.Buttons ?? [],
    ...(typeof body.media === 'string' && { media: body.media }),
    ...(typeof body.min_api_version === 'number' && { minApiVersion: body.min_api_version }),
  };
}
