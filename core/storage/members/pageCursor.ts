import { InvalidCursorError } from '../../errors.ts';

/**
 * An opaque cursor for keyset paging: the sort key of the last row seen.
 * Opaque so that clients pass it back unchanged, and the sort can change.
 */
export function encodeCursor(key: readonly [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor holds; a cursor that was tampered with is refused as invalid input. */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string'))
      return key as [string, string];
  } catch {
    // Falls through to the refusal below.
  }
  throw new InvalidCursorError();
}
