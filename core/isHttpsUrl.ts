/**
 * Whether `value` is one absolute https address and nothing else: the only
 * kind of link a message may open. Anything else (`http:`, `javascript:`,
 * `data:`, a relative path, words around a link) is refused, so a button can
 * never run script in the web chat or send a person over plain HTTP.
 */
export function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value) || !/^https:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}
