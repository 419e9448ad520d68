import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleSize,
  bundleSizeTable,
  KEY_KINDS_ROW,
  measureBundleSizes,
  overCeiling,
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

  // What fails the suite is growth: each row's ceiling (GZIP_CEILINGS in bundleSize.ts) is its size when
  // the ceilings were last set plus a little, lowered as the code shrinks. The old budgets
  // (3000 B for the core path, 4500 B with the component) are gone: docs/benchmarks.md says why.
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
    // Paths from before and after core's move into folders: the patterns match on file names.
    const bloated = {
      name: 'core + useRegisterPasskey',
      bytes: 0,
      gzipBytes: 0,
      modules: [
        'packages/core/src/fetcher.ts',
        'packages/core/src/http/fetcher.ts',
        'packages/core/src/keys.ts',
        'packages/core/src/keys/privateKeyWrapping.ts',
        'packages/core/src/registerKeyCredential.ts',
        'packages/core/src/flows/registerKeyCredential.ts',
        'packages/react/src/RecoveryCode/RecoveryCodeStep.tsx',
        'packages/react/src/RecoveryCode/recoveryMessages.ts',
        // The part that renders the step once it is loaded: small, and allowed up front.
        'packages/react/src/RegisterCredential/RecoveryCodePart.tsx',
      ],
    };
    expect(treeShakingViolations([bloated])).toEqual([
      {
        name: bloated.name,
        modules: [
          'packages/core/src/keys.ts',
          'packages/core/src/keys/privateKeyWrapping.ts',
          'packages/core/src/registerKeyCredential.ts',
          'packages/core/src/flows/registerKeyCredential.ts',
          'packages/react/src/RecoveryCode/RecoveryCodeStep.tsx',
          'packages/react/src/RecoveryCode/recoveryMessages.ts',
        ],
      },
    ]);
  });

  it('should load the key kinds in a chunk of their own', () => {
    const lazy = sizes.find((size) => size.name === KEY_KINDS_ROW);
    const keyFlow = lazy?.modules.filter((path) => path.endsWith('/registerKeyCredential.ts'));
    expect(keyFlow, `key-kind chunk modules: ${lazy?.modules.join(', ')}`).toHaveLength(1);
  });
});
