import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleSize,
  bundleSizeTable,
  measureBundleSizes,
  overBudget,
  overCeiling,
  treeShakingViolations,
} from './bundleSize.ts';

describe('bundle sizes', () => {
  let sizes: BundleSize[];
  let table: string;

  beforeAll(async () => {
    sizes = await measureBundleSizes();
    table = bundleSizeTable(sizes);
    const over = overBudget(sizes).map(({ name }) => name);
    console.log(
      `Bundle sizes (gzip -9, 1 kB = 1000 B):\n${table}\nStill over the issue budget: ${over.join('; ') || 'none'}`,
    );
  }, 60_000);

  // The budgets (3000 B for the core path, 4500 B with the component) are not met: the table
  // says so on every run and docs/benchmarks.md records it. The floor study's row (src/floor) shows
  // why: the same behaviour, written as small as we could, is still over 3000 B, so meeting the budget
  // takes a decision to drop behaviour (issue 7 is blocked on it). What fails the suite meanwhile is
  // growth: each row's ceiling is today's size plus a little, lowered as the code shrinks.
  it('should keep every row under its regression ceiling', () => {
    const over = overCeiling(sizes).map(({ name, gzipBytes, ceilingGzipBytes }) => ({
      name,
      gzipBytes,
      ceilingGzipBytes,
    }));
    expect(over, `over the ceiling:\n${table}\n`).toEqual([]);
  });

  it('should keep key-kind crypto and the recovery-code UI out of the Fido2-only paths', () => {
    expect(treeShakingViolations(sizes), `modules that must not be there:\n${table}\n`).toEqual([]);
  });

  it('should name the key-kind and recovery-code modules a Fido2-only row would carry', () => {
    const bloated = {
      name: 'core + useRegisterPasskey',
      bytes: 0,
      gzipBytes: 0,
      modules: ['packages/core/src/fetcher.ts', 'packages/core/src/keys.ts', 'packages/react/src/RecoveryCodeStep.tsx'],
    };
    expect(treeShakingViolations([bloated])).toEqual([
      { name: bloated.name, modules: ['packages/core/src/keys.ts', 'packages/react/src/RecoveryCodeStep.tsx'] },
    ]);
  });

  it('should load the key kinds in a chunk of their own', () => {
    const lazy = sizes.find((size) => size.name === 'key kinds (loaded on first use)');
    expect(lazy?.modules).toContain('packages/core/src/registerKeyCredential.ts');
  });
});
