import { describe, expect, it } from 'vitest';
import { imageTypeOf } from '../../core/imageTypeOf.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );

describe('imageTypeOf', () => {
  it.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'), 'image/png'],
    ['a WebP', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s by its first bytes', (_name, file, type) => {
    expect(imageTypeOf(file)).toBe(type);
  });

  it.each([
    ['a text file named photo.png', bytes('hello, this is not a picture')],
    ['a GIF', bytes('GIF89a', 1, 0, 1, 0)],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt ')],
    ['a PDF', bytes('%PDF-1.7')],
    ['a file cut after two bytes', bytes(0xff, 0xd8)],
    ['an empty file', bytes()],
  ])('refuses %s', (_name, file) => {
    expect(imageTypeOf(file)).toBeNull();
  });
});
