import encodeQR from '@paulmillr/qr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qrPath.ts';

/** The modules a path of `M x y h n v1 h -n z` runs covers, as "x,y". */
function modulesOf(path: string): Set<string> {
  const modules = new Set<string>();
  for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i += 1) modules.add(`${Number(x) + i},${y}`);
  }
  return modules;
}

describe('qrPath', () => {
  it('should draw exactly the dark modules of the encoded text, one unit each', () => {
    const link = 'https://app.example/add-passkey?code=ABC-DEF-GHI';
    const rows = encodeQR(link, 'raw', { ecc: 'medium', border: 0 });
    const dark = new Set(rows.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : []))));
    const { size, path } = qrPath(link);
    expect(size).toBe(rows.length);
    expect(modulesOf(path)).toEqual(dark);
    // Runs, not one square per module: the path stays short.
    expect(path.split('M').length - 1).toBeLessThan(dark.size);
  });
});
