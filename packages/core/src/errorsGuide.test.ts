// The errors guide's table is documentation people copy from: keep it in step with the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CredkitErrorCode, defaultErrorMessages } from './errors/credkitError.ts';

const guide = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

function tableRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of guide.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const code = /^`([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (code && cells.length === 6) rows.set(code, cells[4] ?? '');
  }
  return rows;
}

describe('the error table of docs/errors.md', () => {
  it('should list every error code with its default message, and nothing else', () => {
    const rows = tableRows();
    const codes = Object.keys(defaultErrorMessages) as CredkitErrorCode[];
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(rows.get(code), code).toBe(defaultErrorMessages[code]);
  });
});
