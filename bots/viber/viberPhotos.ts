import type { PhotoSource } from '../../core/desk/deskPorts.ts';

/**
 * The most read of one picture: twice what a contest keeps (10 MB), so a
 * picture whose size Viber did not report is still refused by its bytes
 * with the polite answer, while a huge file never fills the memory.
 */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/**
 * A picture a customer sent in Viber, as bytes. Viber gives the picture as
 * a URL on its own media servers, which is what the ticket keeps as the
 * photo's file id; the staff desk fetches it when it posts the ticket, and
 * a contest when it takes the picture as an entry.
 */
export function viberPhotoSource(): PhotoSource {
  return async (url) => {
    if (!/^https?:\/\//.test(url)) throw new Error('a Viber picture is kept as a URL; this one is not');
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`Viber's media server answered ${response.status} to a picture's download`);
    return readAtMost(response, MAX_DOWNLOAD_BYTES);
  };
}

async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new Error(`a Viber picture is larger than ${limit} bytes, so it was not downloaded whole`);
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const read = await reader?.read();
    if (!read || read.done) break;
    total += read.value.byteLength;
    if (total > limit) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
