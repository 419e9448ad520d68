import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleSize,
  bundleSizeTable,
  measureBundleSizes,
  overBudget,
  treeShakingViolations,
} from './bundleSize.ts';

describe('bundle sizes', () => {
  let sizes: BundleSize[];
  let table: string;

  beforeAll(async () => {
    sizes = await measureBundleSizes();
    table = bundleSizeTable(sizes);
    console.log(`Bundle sizes (gzip -9, 1 kB = 1000 B):\n${table}`);
  }, 60_000);

  it('should keep every row within its gzip budget', () => {
    const over = overBudget(sizes).map(({ name, gzipBytes, budgetGzipBytes }) => ({
      name,
      gzipBytes,
      budgetGzipBytes,
    }));
    expect(over, `over budget:\n${table}\n`).toEqual([]);
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
