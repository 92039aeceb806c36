import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const SCALE = 8;
const MARGIN = 2;

/**
 * A QR code as a grayscale PNG, encoded synchronously: qrcode's own streaming
 * encoder yields to the event loop at every chunk, which under load made a
 * card screen wait behind hundreds of other updates.
 */
export function qrCodePng(text: string): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 2 * MARGIN) * SCALE;
  const image = new PNG({ width: side, height: side, colorType: 0, inputHasAlpha: false });
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / SCALE) - MARGIN;
      const col = Math.floor(x / SCALE) - MARGIN;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      image.data[y * side + x] = dark ? 0 : 255;
    }
  }
  return PNG.sync.write(image, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}
