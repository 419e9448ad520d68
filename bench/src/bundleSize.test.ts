import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleSize,
  bundleSizeTable,
  CEREMONY_EVENTS_ROW,
  COMPONENT_ROW,
  KEY_KINDS_ROW,
  measureBundleSizes,
  overCeiling,
  PASSKEY_NAME_ROW,
  PASSWORD_FIELDS_ROW,
  RECOVERY_STEP_ROW,
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

  it('should keep key-kind crypto, the recovery-code UI and what loads later out of the Fido2-only paths', () => {
    expect(treeShakingViolations(sizes), `modules that must not be there:\n${table}\n`).toEqual([]);
  });

  it('should name the key-kind, recovery-code and later modules a Fido2-only row would carry', () => {
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
        'packages/core/src/engine/ceremonyEvents.ts',
        'packages/core/src/providers/passkeyNameFromAttestation.ts',
        'packages/core/src/webauthn/aaguidFromAttestation.ts',
        'packages/core/src/providers/passkeyProviderNames.ts',
        // What decides whether to load the name: allowed up front.
        'packages/core/src/providers/defaultPasskeyName.ts',
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
          'packages/core/src/engine/ceremonyEvents.ts',
          'packages/core/src/providers/passkeyNameFromAttestation.ts',
          'packages/core/src/webauthn/aaguidFromAttestation.ts',
          'packages/core/src/providers/passkeyProviderNames.ts',
        ],
      },
    ]);
  });

  it('should load the key kinds in a chunk of their own', () => {
    const lazy = sizes.find((size) => size.name === KEY_KINDS_ROW);
    const keyFlow = lazy?.modules.filter((path) => path.endsWith('/registerKeyCredential.ts'));
    expect(keyFlow, `key-kind chunk modules: ${lazy?.modules.join(', ')}`).toHaveLength(1);
  });

  // Each chunk <RegisterCredential> loads later: its own row holds the module, the start bundle does not.
  describe.each([
    { row: KEY_KINDS_ROW, module: 'packages/core/src/keys/privateKeyWrapping.ts' },
    { row: PASSWORD_FIELDS_ROW, module: 'packages/react/src/RegisterCredential/PasswordFieldsView.tsx' },
    { row: RECOVERY_STEP_ROW, module: 'packages/react/src/RecoveryCode/RecoveryCodeStep.tsx' },
    { row: CEREMONY_EVENTS_ROW, module: 'packages/core/src/engine/ceremonyEvents.ts' },
    { row: PASSKEY_NAME_ROW, module: 'packages/core/src/providers/passkeyProviderNames.ts' },
    { row: PASSKEY_NAME_ROW, module: 'packages/core/src/webauthn/aaguidFromAttestation.ts' },
  ])('$row', ({ row, module }) => {
    it(`should hold ${module}, which the start bundle of <RegisterCredential> does not`, () => {
      const start = sizes.find((size) => size.name === COMPONENT_ROW);
      const lazy = sizes.find((size) => size.name === row);
      expect(lazy?.modules, `${row}: ${lazy?.modules.join(', ')}`).toContain(module);
      expect(start?.modules).toBeDefined();
      expect(start?.modules, `${COMPONENT_ROW} holds ${module}`).not.toContain(module);
    });
  });

  it('should count each chunk in one row only, the recovery-code step without the key crypto it shares', () => {
    const lazyRows = [KEY_KINDS_ROW, PASSWORD_FIELDS_ROW, RECOVERY_STEP_ROW, CEREMONY_EVENTS_ROW, PASSKEY_NAME_ROW];
    const rows = sizes.filter((size) => size.name === COMPONENT_ROW || lazyRows.includes(size.name));
    expect(rows.map((size) => size.name)).toEqual([COMPONENT_ROW, ...lazyRows]);
    const modules = rows.flatMap((size) => size.modules);
    expect(modules.filter((path, index) => modules.indexOf(path) !== index)).toEqual([]);
    const recovery = sizes.find((size) => size.name === RECOVERY_STEP_ROW);
    expect(recovery?.modules.filter((path) => path.includes('/keys/privateKeyWrapping'))).toEqual([]);
  });
});
