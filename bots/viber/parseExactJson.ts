/**
 * `JSON.parse`, except that integers too long for a double become strings
 * holding their exact digits. Viber's `message_token`s (e.g.
 * 4912661846655238145) exceed 2^53: parsed as numbers, two different
 * messages can round to the same value and one would be dropped as a
 * duplicate. Node 20 has no `JSON.parse` source access, so the text is
 * rewritten first: digits outside strings are quoted when they are an
 * integer of more than 15 digits.
 */
export function parseExactJson(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

/** Up to 15 digits every integer is exact as a double. */
const EXACT_DIGITS = 15;

function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (char === '-' || isDigit(char)) {
      const end = endOfNumber(text, i);
      const literal = text.slice(i, end);
      if (/^-?\d+$/.test(literal) && literal.replace('-', '').length > EXACT_DIGITS) {
        out += `${text.slice(copiedUpTo, i)}"${literal}"`;
        copiedUpTo = end;
      }
      i = end;
      continue;
    }
    i += 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** The index just past the closing quote of the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function endOfNumber(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && /[\d.eE+-]/.test(text[i]!)) i += 1;
  return i;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
