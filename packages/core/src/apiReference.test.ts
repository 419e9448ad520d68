// docs/api.md is the API reference people read: it must list every export of every entry point, and
// every export must have TSDoc to list. The compiler API reads the exports, so nothing is hand-kept.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API_REFERENCE_PATH,
  type ApiEntryPoint,
  collectApi,
  renderApiReference,
} from '../../../scripts/api-reference.ts';

const regenerate = 'run `pnpm docs:api` to regenerate docs/api.md';

/** The names docs/api.md lists, by entry point: its `## \`specifier\`` headings and `| \`name\` |` rows. */
function documentedNames(markdown: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let names: Set<string> | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## `([^`]+)`$/.exec(line)?.[1];
    if (heading) {
      names = new Set();
      sections.set(heading, names);
    }
    const row = /^\| `([^`]+)` +\|/.exec(line)?.[1];
    if (row) names?.add(row);
  }
  return sections;
}

describe('the API reference', () => {
  let api: ApiEntryPoint[];
  beforeAll(() => {
    api = collectApi();
  }, 60_000);

  it('should find the entry points of every package', () => {
    expect(api.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        '@credkit/core',
        '@credkit/core/keys',
        '@credkit/core/simplewebauthn',
        '@credkit/react',
        '@credkit/mock-backend',
        '@credkit/mock-backend/testing',
      ]),
    );
    for (const entry of api) expect(entry.exports.length, entry.specifier).toBeGreaterThan(0);
  });

  it('should have a TSDoc summary on every export', () => {
    const undocumented = api.flatMap((entry) =>
      entry.exports.filter((e) => e.summary === '').map((e) => `${entry.specifier}: ${e.name}`),
    );
    expect(undocumented, `exports without TSDoc:\n${undocumented.join('\n')}\n`).toEqual([]);
  });

  it('should list every export in docs/api.md under its entry point', () => {
    const documented = documentedNames(readFileSync(API_REFERENCE_PATH, 'utf8'));
    const missing = api.flatMap((entry) =>
      entry.exports
        .filter((e) => !documented.get(entry.specifier)?.has(e.name))
        .map((e) => `${entry.specifier}: ${e.name}`),
    );
    expect(missing, `missing from docs/api.md (${regenerate}):\n${missing.join('\n')}\n`).toEqual([]);
  });

  it('should be docs/api.md exactly as generated', () => {
    expect(readFileSync(API_REFERENCE_PATH, 'utf8'), `docs/api.md is stale: ${regenerate}`).toBe(
      renderApiReference(api),
    );
  });
});
