import type { PhotoSource } from '../../core/desk/deskPorts.ts';

/**
 * A picture a customer sent in Viber, as bytes. Viber gives the picture as
 * a URL on its own media servers, which is what the ticket keeps as the
 * photo's file id; the staff desk fetches it when it posts the ticket.
 */
export function viberPhotoSource(): PhotoSource {
  return async (url) => {
    if (!/^https?:\/\//.test(url)) throw new Error('a Viber picture is kept as a URL; this one is not');
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`Viber's media server answered ${response.status} to a picture's download`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
