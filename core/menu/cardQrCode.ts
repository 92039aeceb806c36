import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const CACHE_SIZE = 2000;
const SCALE = 8;
const MARGIN = 2;
const cache = new Map<string, Uint8Array>();

/**
 * The PNG QR code of a card number. The PNG is encoded synchronously in
 * grayscale: qrcode's own streaming encoder yields to the event loop at every
 * chunk, which under load made a card screen wait behind hundreds of other
 * updates. A card's code never changes, so recent ones are also kept.
 */
export function cardQrCode(cardNumber: string): Uint8Array {
  const cached = cache.get(cardNumber);
  if (cached) return cached;
  const png = renderQr(cardNumber);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(cardNumber, png);
  return png;
}

function renderQr(text: string): Uint8Array {
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
