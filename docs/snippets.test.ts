import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeBlocks, markdownFiles, snippetText } from '../scripts/snippets.ts';

const root = new URL('..', import.meta.url);

describe.each(markdownFiles())('the snippets of %s', (path) => {
  const blocks = codeBlocks(readFileSync(new URL(path, root), 'utf8'));

  it('should each name the type-checked file they show', () => {
    const unmarked = blocks.filter((block) => !block.file).map((block) => `line ${block.line}`);
    expect(unmarked, 'a ```ts/```tsx block without <!-- snippet: docs/snippets/… --> above it').toEqual([]);
  });

  it.each(blocks.filter((block) => block.file).map((block) => [block.line, block] as const))(
    'should show its file as it is (block at line %i; `pnpm docs:snippets` copies it)',
    (_line, block) => {
      expect(block.code).toBe(snippetText(block.file ?? ''));
    },
  );
});
