import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../../../bots/viber/parseExactJson.ts';

describe('parseExactJson', () => {
  it('keeps integers beyond double precision as their exact digits', () => {
    const parsed = parseExactJson('{"message_token":4912661846655238145,"other":4912661846655238146}');

    expect(parsed).toEqual({ message_token: '4912661846655238145', other: '4912661846655238146' });
  });

  it('leaves small numbers, fractions and exponents as numbers', () => {
    expect(parseExactJson('{"a":1457764197627,"b":-3,"c":50.76891,"d":1e21,"e":[12345678901234567.5]}')).toEqual({
      a: 1457764197627,
      b: -3,
      c: 50.76891,
      d: 1e21,
      e: [12345678901234567.5],
    });
  });

  it('does not touch digits inside strings, escaped quotes included', () => {
    const parsed = parseExactJson('{"text":"a \\" 4912661846655238145","n":4912661846655238145}');

    expect(parsed).toEqual({ text: 'a " 4912661846655238145', n: '4912661846655238145' });
  });

  it('throws on what is not JSON, as JSON.parse does', () => {
    expect(() => parseExactJson('{"event": ')).toThrow(SyntaxError);
  });
});
