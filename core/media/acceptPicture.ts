import sharp, { type Sharp } from 'sharp';
import { imageTypeOf, type ImageType } from '../imageTypeOf.ts';
import type { PictureStore } from './mediaPorts.ts';

/** The largest upload accepted, as the issue promises members and marketers. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/**
 * Decoded pixels allowed: a 10 MB file can still unpack into gigabytes (a
 * "decompression bomb"); 100 megapixels is beyond any phone's default photo.
 */
const MAX_INPUT_PIXELS = 100_000_000;

export interface PictureOptions {
  /** Scales the picture down (never up) so that neither side exceeds this many pixels. */
  maxSide?: number;
  /** Types the result may have; another input is converted to the first (Viber shows no WebP). */
  types?: readonly ImageType[];
}

export type PictureOutcome =
  | { kind: 'accepted'; id: string; type: ImageType; width: number; height: number }
  | { kind: 'tooLarge' }
  | { kind: 'notAPicture' };

/**
 * Takes uploaded bytes and keeps a clean copy: the type is read from the
 * bytes (a renamed text file is no JPEG), and the picture is decoded and
 * encoded afresh, so that nothing but pixels survives — no EXIF (GPS
 * positions, camera serials), no XMP, no ICC profile (colours are converted
 * to sRGB first, so they look the same), no trailing data hidden after the
 * image. EXIF orientation is applied to the pixels before it is dropped.
 */
export async function acceptPicture(
  store: PictureStore,
  bytes: Uint8Array,
  options: PictureOptions = {},
): Promise<PictureOutcome> {
  if (bytes.length > MAX_PICTURE_BYTES) return { kind: 'tooLarge' };
  const type = imageTypeOf(bytes);
  if (type === null) return { kind: 'notAPicture' };
  const types = options.types ?? ALL_TYPES;
  const outputType = types.includes(type) ? type : types[0]!;
  const cleaned = await reencode(bytes, outputType, options.maxSide);
  if (cleaned === null) return { kind: 'notAPicture' };
  const id = await store.save(cleaned.bytes, outputType);
  return { kind: 'accepted', id, type: outputType, width: cleaned.width, height: cleaned.height };
}

const ALL_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The picture's pixels in a new file of `type`; null when the bytes do not decode (a truncated or forged file). */
async function reencode(
  bytes: Uint8Array,
  type: ImageType,
  maxSide: number | undefined,
): Promise<{ bytes: Uint8Array; width: number; height: number } | null> {
  let image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).autoOrient();
  if (maxSide !== undefined) image = image.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
  image = encoderFor(image, type);
  try {
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch {
    return null;
  }
}

function encoderFor(image: Sharp, type: ImageType): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true });
    case 'image/png':
      return image.png({ compressionLevel: 9 });
    case 'image/webp':
      return image.webp({ quality: 85 });
  }
}
