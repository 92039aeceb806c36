import { z } from 'zod';
import { isHttpsUrl } from '../../isHttpsUrl.ts';
import type { Outbound } from '../../outbound.ts';

/** A link must be https when read back too: a message that would open `javascript:` or plain HTTP is not sent. */
const button = z.union([
  z.object({ label: z.string(), payload: z.string() }),
  z.object({ label: z.string(), url: z.string().refine(isHttpsUrl) }),
]);
const storedReply = z.object({
  text: z.string(),
  buttons: z.array(z.array(button)).optional(),
  contactRequest: z.string().optional(),
  removeKeyboard: z.boolean().optional(),
  image: z
    .union([z.object({ pngBase64: z.string(), alt: z.string() }), z.object({ url: z.string(), alt: z.string() })])
    .optional(),
});
const storedReplies = z.array(storedReply);

/** Replies as JSON; drawn images as base64, since JSON has no bytes, and pictures on the web by their address. */
export function serializeReplies(replies: Outbound[]): string {
  return JSON.stringify(
    replies.map(({ image, ...rest }) => ({
      ...rest,
      ...(image && { image: 'png' in image ? { pngBase64: base64Of(image.png), alt: image.alt } : image }),
    })),
  );
}

/** Stored replies back as `Outbound`s; null when the JSON is not what we wrote. */
export function parseReplies(json: string): Outbound[] | null {
  const parsed = storedReplies.safeParse(JSON.parse(json));
  if (!parsed.success) return null;
  return parsed.data.map(({ image, ...rest }) => ({
    ...rest,
    ...(image && {
      image: 'pngBase64' in image ? { png: Buffer.from(image.pngBase64, 'base64'), alt: image.alt } : image,
    }),
  }));
}

function base64Of(png: Uint8Array): string {
  return Buffer.from(png).toString('base64');
}
