// Loaded with `import()` only when a QR code is shown: the encoder stays out of the main bundle.
import encodeQR from '@paulmillr/qr';

/** A QR code as one SVG path: its size in modules (without the quiet zone) and the dark modules. */
export interface QrPath {
  size: number;
  path: string;
}

/**
 * Encodes `text` (error correction M) and draws each run of dark modules in a row as one rectangle
 * of the path, one unit per module.
 */
export function qrPath(text: string): QrPath {
  const rows = encodeQR(text, 'raw', { ecc: 'medium', border: 0 });
  let path = '';
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size: rows.length, path };
}
