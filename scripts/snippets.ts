// Every code snippet of the READMEs and docs/*.md is a type-checked file (docs/snippets/, or a
// package's test-d/ for its README). In the Markdown, a snippet is a fenced block right after the line
// `<!-- snippet: docs/snippets/<file> -->`. `pnpm docs:snippets` copies each file into its block;
// docs/snippets.test.ts fails when a block differs from its file or has no marker.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Markdown files whose snippets are checked, relative to the repository root. */
export function markdownFiles(): string[] {
  const guides = readdirSync(`${root}docs`).filter((name) => name.endsWith('.md') && name !== 'api.md');
  const packageReadmes = [
    'packages/core/README.md',
    'packages/react/README.md',
    'packages/mock-backend/README.md',
    'packages/names/README.md',
  ];
  return ['README.md', 'CONTRIBUTING.md', ...guides.map((name) => `docs/${name}`), ...packageReadmes];
}

/** One fenced TypeScript block of a Markdown file. */
export interface CodeBlock {
  /** The line of its opening fence (1-based). */
  line: number;
  /** The snippet file its marker names, relative to the repository root; undefined without a marker. */
  file: string | undefined;
  /** The code between the fences. */
  code: string;
  /** Offsets of the code in the Markdown text, to replace it. */
  start: number;
  end: number;
}

const MARKER = /<!-- snippet: (\S+) -->\s*$/;
const FENCE = /^```(ts|tsx)\s*$/;

/** The ```ts and ```tsx blocks of `markdown`, each with the snippet file named just above it. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let offset = 0;
  const offsets = lines.map((line) => {
    const start = offset;
    offset += line.length + 1;
    return start;
  });
  for (let index = 0; index < lines.length; index += 1) {
    if (!FENCE.test(lines[index] ?? '')) continue;
    const close = lines.findIndex((line, after) => after > index && line.startsWith('```'));
    if (close === -1) break;
    const previous = lines.slice(0, index).findLast((line) => line.trim() !== '') ?? '';
    const start = offsets[index + 1] ?? 0;
    const end = offsets[close] ?? markdown.length;
    blocks.push({
      line: index + 1,
      file: MARKER.exec(previous)?.[1],
      code: markdown.slice(start, end),
      start,
      end,
    });
    index = close;
  }
  return blocks;
}

/** The content a block must have: its snippet file, as it is. */
export function snippetText(file: string): string {
  return readFileSync(`${root}${file}`, 'utf8');
}

function sync(): void {
  for (const path of markdownFiles()) {
    const markdown = readFileSync(`${root}${path}`, 'utf8');
    let updated = markdown;
    // From the last block back, so that the earlier offsets stay right.
    for (const block of codeBlocks(markdown).reverse()) {
      if (block.file) updated = updated.slice(0, block.start) + snippetText(block.file) + updated.slice(block.end);
    }
    if (updated !== markdown) {
      writeFileSync(`${root}${path}`, updated);
      console.log(`updated ${path}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) sync();
