// Bundle sizes (issue 7): what an app ships for credkit's registration path, against the anchors.
// Each row is a tiny virtual entry built with esbuild as an app's bundler would (minified ESM for
// browsers, workspace sources through the `@credkit/source` condition), then gzipped at level 9.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type OutputFile, type Plugin } from 'esbuild';

/** One measured bundle. Sizes in bytes; 1 kB = 1000 B throughout. */
export interface BundleSize {
  /** What the row measures, e.g. "core: Fido2 registration path". */
  name: string;
  /**
   * Minified size. An entry's row: the entry chunk plus the chunks it imports statically, and the lazy
   * chunks the engines load at mount (the passkey flow; credkit's own ceremony for rows
   * {@link Entry.withOwnCeremony}). Other lazy chunks are rows of their own ({@link LazyRow}).
   */
  bytes: number;
  /**
   * The same chunks gzipped together at level 9. Together, not one by one: esbuild moves the code the
   * entry shares with a lazy chunk into a chunk of its own, which Rollup (Vite) keeps in the entry chunk.
   */
  gzipBytes: number;
  /** The row's regression ceiling, from {@link GZIP_CEILINGS}. */
  ceilingGzipBytes?: number;
  /** The source files that put code in those chunks, relative to the repository root. */
  modules: string[];
}

interface Entry {
  name: string;
  /** The virtual module's source: imports the measured API and uses it (re-export). */
  source: string;
  /** Modules this row must not contain (see {@link treeShakingViolations}). */
  forbidden?: readonly RegExp[];
  /**
   * The chunks this entry loads later, each a row of its own (see {@link LazyRow}). When given, every
   * chunk the entry can load must be in one of them, or the measurement fails: new lazy code gets a row.
   */
  lazyRows?: readonly LazyRow[];
  /** Packages the app already ships, left out of the row (besides React and react-query). */
  alreadyShipped?: readonly string[];
  /** Counts credkit's own ceremony, a lazy chunk every registration on it loads (the engines at mount). */
  withOwnCeremony?: boolean;
}

/**
 * A chunk an entry loads on a first use, as a row: what that use adds to what the page has already
 * downloaded. Measured as the entry's row is: the chunk each `import()` of {@link LazyRow.loads}
 * starts, then the chunks it imports statically, minified, concatenated in that order and gzipped
 * together at level 9 (one figure, not a sum of files). Shared code: a chunk the entry's start and
 * mount chunks already hold is not counted, nor one an earlier lazy row of the same entry counted
 * (the order of `lazyRows` says which row pays for code two uses share), so an entry's rows hold
 * everything it can download, each chunk once.
 */
interface LazyRow {
  name: string;
  /** The modules whose `import()` starts the chunk, matched on esbuild's `entryPoint` of the chunk. */
  loads: readonly RegExp[];
}

/** The module of credkit's own ceremony (the default one), which the engines load at mount. */
const OWN_CEREMONY = /packages\/core\/src\/webauthn\/browserCreate\.ts$/;
/**
 * The passkey flow, a lazy chunk the registration engine loads at mount whatever the ceremony (issue 26:
 * the start bundle holds what renders, the click's code comes right after). Every row counts it.
 */
const PASSKEY_FLOW = /packages\/core\/src\/engine\/passkeyRegistrationChunk\.ts$/;
/** It and what only it uses: absent from an app on SimpleWebAuthn's ceremony. */
const OWN_CEREMONY_MODULES: readonly RegExp[] = [
  OWN_CEREMONY,
  /packages\/core\/src\/(.+\/)?(identifyCeremonyError|fido2Payload)\.ts$/,
];

/**
 * Key-kind crypto: `@credkit/core/keys` and what only it uses. A Fido2 path must load none of it up front.
 * Matched by file name in any folder of core's sources, so the patterns hold while files move between folders.
 */
const KEY_KIND_MODULES: readonly RegExp[] = [
  /packages\/core\/src\/keys\//,
  /packages\/core\/src\/(.+\/)?(keys|keyCredentialInfo|keyUserActionSigner|passwordProtectedKeyUserActionSigner|privateKeyWrapping|recoveryCode|registerKeyCredential|derSignature|pem|hex|base64)\.ts$/,
];
/**
 * The recovery-code UI, which only the component's RecoveryKey kind needs (loaded on first use): the step
 * and its texts, the RecoveryCode folder. Not `RegisterCredential/RecoveryCodePart.tsx`, the part that
 * renders the step once loaded.
 */
const RECOVERY_UI_MODULES: readonly RegExp[] = [/packages\/react\/src\/RecoveryCode\//];

/**
 * The community list of passkey providers (issue 29): names, and icons (most of its bytes). Loaded on
 * first use only, by a passkey left without a name or by `findPasskeyProvider`: never up front.
 */
const PROVIDER_NAMES = /packages\/core\/src\/providers\/passkeyProviderNames\.ts$/;
const PROVIDER_ICONS = /packages\/core\/src\/providers\/passkeyProviderIcons\.ts$/;
const PROVIDER_DATA_MODULES: readonly RegExp[] = [PROVIDER_NAMES, PROVIDER_ICONS];

// The modules whose `import()` starts a chunk `<RegisterCredential>` loads later (see its lazyRows).
// Matched by file name in any folder, as KEY_KIND_MODULES.
/** The key flow (`registerKeyCredential`), on a key kind's first registration: with it the key crypto. */
const KEY_FLOW = /packages\/core\/src\/(.+\/)?registerKeyCredential\.ts$/;
/** A PasswordProtectedKey's password fields, when such a form first shows them. */
const PASSWORD_FIELDS = /packages\/react\/src\/(.+\/)?PasswordFieldsView\.tsx$/;
/** A new recovery kit (its code and ID) and the step that shows it, on a RecoveryKey's first registration. */
const RECOVERY_KIND = /packages\/react\/src\/(.+\/)?recoveryKind\.ts$/;
/** The ceremony events, which the registration controller loads only when the host sets `onEvent`. */
const CEREMONY_EVENTS = /packages\/core\/src\/(.+\/)?ceremonyEvents\.ts$/;
/** The provider's name for a passkey left without one, after its ceremony: the AAGUID reader and the names. */
const PASSKEY_NAME = /packages\/core\/src\/(.+\/)?passkeyNameFromAttestation\.ts$/;
/** The AAGUID reader, in the chunk of {@link PASSKEY_NAME}. */
const AAGUID_READER = /packages\/core\/src\/(.+\/)?aaguidFromAttestation\.ts$/;
/**
 * What a Fido2 registration loads only after its start, besides the key kinds and the recovery UI
 * above: the ceremony events and the provider's name of an unnamed passkey (with the AAGUID reader).
 */
const LOADED_LATER_MODULES: readonly RegExp[] = [CEREMONY_EVENTS, PASSKEY_NAME, AAGUID_READER];
/** All a Fido2 registration path must not hold up front. */
const NOT_IN_A_FIDO2_START: readonly RegExp[] = [
  ...KEY_KIND_MODULES,
  ...RECOVERY_UI_MODULES,
  ...PROVIDER_DATA_MODULES,
  ...LOADED_LATER_MODULES,
];

/** All a sign-in page must not hold up front: what only registrations use, and credkit's `create()`. */
const NOT_IN_A_SIGN_IN_START: readonly RegExp[] = [
  ...KEY_KIND_MODULES,
  ...RECOVERY_UI_MODULES,
  ...PROVIDER_DATA_MODULES,
  PASSKEY_NAME,
  AAGUID_READER,
  OWN_CEREMONY,
];

/** The row every ratio is taken against. */
export const REFERENCE_ROW = '@simplewebauthn/browser startRegistration';

// The rows of what `<RegisterCredential>` loads later, one chunk (or chunk group) each, in the order
// its lazyRows list them (an earlier row pays for code two of them share).
/** The key crypto and the key flow, loaded on the first registration of a key kind. */
export const KEY_KINDS_ROW = 'key kinds: crypto + key flow (first key-kind registration)';
/** A PasswordProtectedKey's password fields. */
export const PASSWORD_FIELDS_ROW = 'PasswordProtectedKey password fields (first shown)';
/** The recovery-code step UI and the kit's code and ID: what a RecoveryKey adds to the key kinds. */
export const RECOVERY_STEP_ROW = 'recovery-code step UI (first RecoveryKey, beyond key kinds)';
/** The ceremony events' code. */
export const CEREMONY_EVENTS_ROW = 'ceremony events (first registration with onEvent)';
/** The AAGUID reader and the providers' names, loaded after the ceremony of a passkey given no name. */
export const PASSKEY_NAME_ROW = 'AAGUID reader + provider names (first unnamed passkey)';

/** The rows of the provider data, each loaded on first use. */
export const PROVIDER_NAMES_ROW = 'passkey provider names (loaded on first use)';
export const PROVIDER_ICONS_ROW = 'passkey provider names + icons (loaded on first use)';

const CORE_ROW = 'core: Fido2 registration path';
const HOOK_ROW = 'core + useRegisterPasskey';
export const COMPONENT_ROW = 'core + <RegisterCredential>';
const SIMPLEWEBAUTHN_COMPONENT_ROW = 'core + <RegisterCredential> on @simplewebauthn/browser';
const SIMPLEWEBAUTHN_ADDED_ROW = 'the same, added to an app that ships @simplewebauthn/browser';
// Issue 29's new public API, each on its own.
const SIGNALS_ROW = 'core: Fido2 registration path + passkey signals';
const LOGIN_ROW = 'core + usePasskeyLogin';
const AUTOFILL_ROW = 'core + usePasskeyLogin + usePasskeyAutofill';
const SIGN_IN_ROW = 'core + <SignIn>';
const NUDGES_HOOK_ROW = 'core + useAccountNudges';
const NUDGES_ROW = 'core + <AccountNudges>';
const PROVIDER_NAME_ROW = 'core/providers: passkeyProviderName';
const FIND_PROVIDER_ROW = 'core/providers: findPasskeyProvider';

/**
 * The regression ceilings `pnpm test` enforces, gzip bytes per row: the size when they were last set,
 * plus a little. The one place to lower them as the code shrinks; never raised without saying why in
 * the commit.
 */
// Every row, +410 (issue 17): credential names checked by the one rule the mock applies too
// (`@credkit/names`: NFC, length in code points, no control or bidi characters, something visible),
// each refusal said in words. Measured by stubbing the check: 5834 → 6245 on the core row.
// Then +20 on the core and hook rows, +90 on the component rows: `CredkitError.field` (which input an
// `invalid-input` is about), and the form putting core's refusal of a name or password on that field
// (measured: core 6245 → 6261, hook 7717 → 7738, component 11828 → 11913, on SimpleWebAuthn 11775 → 11852).
// Then about +60 on every row (issue 25): the error code `login-code-required` and its default message,
// which every path carries with the others (measured: core 6261 → 6323, hook 7738 → 7792, component
// 11913 → 11975, on SimpleWebAuthn 11852 → 11934).
// Then about +300 on every row (issue 25): the delegated flows' `challengeSource` and `completion` in the
// one shared challenge and submit steps, `callHost`'s classification of the host's failures, and the
// up-front `invalid-input` checks of a step with no way to Dfns (measured: core 6323 → 6618, hook
// 7792 → 8105, component 11975 → 12292, on SimpleWebAuthn 11934 → 12253).
// Issue 26 traded these rows for the start bundle. The click's code (the passkey flow, checking the
// challenge, the submit) became a chunk loaded at mount, and a PasswordProtectedKey's fields a chunk
// loaded when such a form shows them: a fresh Vite host's start fell 10461 → 8380 B. These rows count
// start and mount chunks together, so they pay the split's glue and the one `lazyModule`. Cancel,
// Status and Error on one shared part each, and RegisterCredential.Root's validate and composable
// onSubmit, added about +230 on the component rows (readable, not golfed back). Measured from issue
// 25's figures: core 6618 → 6697, hook 8105 → 8424, component 12292 → 12875, on SimpleWebAuthn
// 12253 → 12879.
export const GZIP_CEILINGS: Readonly<Record<string, number>> = {
  // +145 (issue 27): usernames fold widths and refuse invisible characters inside (@credkit/names,
  // on every path through normalizeName); measured 6696 → 6841. Then +79 (issue 27): server values in
  // messages cleaned like server text, tokens checked fit for a header, passkey ids of a login checked,
  // an unknown failure worded per operation; measured 6841 → 6920. +16 (issue 27): every other space in
  // a username is a space (RFC 8266), the unknown default shorter; measured 6920 → 6936.
  // +110 (issue 29): a passkey left without a name is named after its provider: the flows ask a lazy
  // chunk (the AAGUID reader and the list's names) after the ceremony; measured 6936 → 7046. With
  // autofill's `mediation` on the ceremony and the signals merged beside it: 7071, one run.
  [CORE_ROW]: 7080,
  // +30 (issue 17): a password or recovery code is not kept for retry() after a failure.
  // Issue 26 (above), with the controller owning its options in the one base and useRegisterPasskey a
  // preset of useRegisterCredential. +145 (issue 27): as the core row; measured 8426 → 8571. Then +126
  // (issue 27): as the core row; measured 8571 → 8697. Then as the core row's +16; measured 8697 → 8698.
  // +75 (issue 29, ceremony events): the passkey chunk loads the events' own chunk when the host
  // listens (onEvent), and onEvent passes through; measured 8698 → 8773 (the fresh-app start bundle stays under its ceiling).
  // +135 (issue 29): as the core row; measured 8700 → 8835. All of issue 29 merged: 8926, one run.
  // +11 (issue 29): esbuild's chunk boundaries after the login's authenticatorAttachment and the
  // useConditionalRegistration options that share this row's engine; measured 8937.
  [HOOK_ROW]: 8945,
  // +190 (issue 17): the same, the form's password fields emptied after a failure and on reset(), and
  // server messages shown only cleaned (no bidi or control characters), cut to 200 and marked as the server's.
  // +90 (issue 26, latency): <Status> moves focus once the success is painted (rAF, then a task,
  // leaving focus where the person put it meanwhile), not in the commit; measured 12875 → 12964.
  // +142 (issue 27): as the core row; measured 12969 → 13111. Then +23 (issue 27): as the core row;
  // measured 13111 → 13134. +16: an unknown failure is reworded in a new error, the thrown one left
  // as it is; measured 13134 → 13150. +18 (issue 27): as the core row's +16; measured 13150 → 13168.
  // +27 (issue 28, keyboard audit): the focused field and Submit stay focusable while busy
  // (aria-disabled), as in the fresh-app ceiling; measured 13168 → 13195.
  // +94 (issue 29): as the hook row; measured 13195 → 13289.
  // +144 (issue 29): as the core row (sign-up and recovery too); measured 13193 → 13337. All of issue
  // 29 merged: 13441, one run. +143 (issue 29, provider names): a passkey's name may be left blank,
  // and the form says so: the label "(optional)" and a hint under the field (48 B of English text,
  // shown at once), the text field's hint part tied by aria-describedby, the per-kind rule (a key's
  // name stays required); measured 13441 → 13584 at its branch, 13565 merged.
  [COMPONENT_ROW]: 13575,
  // +210 (issue 17): as the row above. +96 (issue 26, latency): as the row above; measured 12879 → 12975.
  // +155 (issue 27): as the core row; measured 12979 → 13134. Then +20 (issue 27); measured 13134 → 13154.
  // +17: as the row above; measured 13154 → 13171. +10: as the core row's +16; measured 13171 → 13181.
  // +27 (issue 28): as the row above; measured 13181 → 13208.
  // +81 (issue 29): as the hook row; measured 13208 → 13289.
  // +123 (issue 29): as the row above; measured 13205 → 13328. All of issue 29 merged: 13442, one run.
  // +147 (issue 29, provider names): as the row above; measured 13442 → 13589 (13594 at its branch).
  [SIMPLEWEBAUTHN_ADDED_ROW]: 13600,
  // What <RegisterCredential> loads later, a row per chunk since the key-kinds row stopped summing
  // them all (7155 B in one row). Each set at its size measured then (one run), plus about 10.
  // The key flow and its crypto, as in the issue-26 split; measured 2459.
  [KEY_KINDS_ROW]: 2470,
  // A PasswordProtectedKey's fields (issue 26); measured 488.
  [PASSWORD_FIELDS_ROW]: 500,
  // The recovery kit's step, Copy and Download (issue 28), beyond the key kinds; measured 1723.
  [RECOVERY_STEP_ROW]: 1735,
  // Issue 29's events, loaded only with `onEvent`; measured 628. +14: `mediation` on the autofill's
  // events; measured 642.
  [CEREMONY_EVENTS_ROW]: 655,
  // Issue 29: the AAGUID reader and the list's names (scripts/refresh-passkey-providers.ts refreshes
  // the list: a refresh that grows it raises this one and the two below, saying so); measured 2368.
  [PASSKEY_NAME_ROW]: 2380,
  // Issue 29: the providers' functions up front, which load the list on first use; measured 177 and 1114.
  [PROVIDER_NAME_ROW]: 190,
  [FIND_PROVIDER_ROW]: 1125,
  // The names alone, for passkeyProviderName; measured 1672.
  [PROVIDER_NAMES_ROW]: 1685,
  // The names and the icons, for findPasskeyProvider; measured 73742.
  [PROVIDER_ICONS_ROW]: 73760,
  // Issue 29's new public API, each on its own (measured in one run with all of issue 29 merged).
  // The signals over the core row (7071): what signalAcceptedPasskeys and the rest add; measured 7574.
  [SIGNALS_ROW]: 7585,
  // A sign-in button (the base of the autofill row); measured 9378. +60: loginWithPasskey records the
  // page's sign-in with a prompt, so that one that succeeds leaves the autofill paused; measured 9438.
  // +88: the login's `authenticatorAttachment` (where the passkey was, for "add a passkey here") and
  // the events' `mediation`; measured 9526.
  [LOGIN_ROW]: 9540,
  // The same with autofill sign-in added: +642 over the row above, its events included; measured 9944,
  // then 10027 and 10168 (as above).
  [AUTOFILL_ROW]: 10180,
  // The sign-in form (issue 29): both hooks, five parts over the shared primitives, English texts;
  // +2602 over the autofill row; measured 12618, then 12770 (as above).
  [SIGN_IN_ROW]: 12785,
  // The nudges' rule, dismissals and hook, with what esbuild shares with the passkey flow; measured 6457.
  [NUDGES_HOOK_ROW]: 6470,
  // The same with the part and its English texts; measured 7240. +2457: `upgrade`, the automatic
  // passkey upgrade tried for "add a passkey here" (the registration engine, which a host with
  // <RegisterCredential> ships already; see the entry); measured 9697.
  [NUDGES_ROW]: 9710,
};

/** The component with SimpleWebAuthn's ceremony (and its user-action signer), as such an app uses it. */
const COMPONENT_ON_SIMPLEWEBAUTHN = [
  "export { createFetcher } from '@credkit/core';",
  "export { RegisterCredential } from '@credkit/react';",
  "export { simpleWebAuthnCeremony } from '@credkit/core/simplewebauthn';",
].join('\n');

// A host always needs a Fetcher to call its backend, so every credkit row ships `createFetcher` too.
// A new public part gets an entry here (its source, what it must not hold up front, and a row for each
// chunk it loads later) and a ceiling in GZIP_CEILINGS.
const ENTRIES: readonly Entry[] = [
  {
    name: CORE_ROW,
    withOwnCeremony: true,
    source: "export { createFetcher, registerPasskey } from '@credkit/core';",
    forbidden: NOT_IN_A_FIDO2_START,
  },
  {
    name: HOOK_ROW,
    withOwnCeremony: true,
    source: "export { createFetcher } from '@credkit/core';\nexport { useRegisterPasskey } from '@credkit/react';",
    forbidden: NOT_IN_A_FIDO2_START,
  },
  {
    name: COMPONENT_ROW,
    withOwnCeremony: true,
    source: "export { createFetcher } from '@credkit/core';\nexport { RegisterCredential } from '@credkit/react';",
    // The component offers every kind; the key crypto and the recovery-code step load on first use.
    forbidden: NOT_IN_A_FIDO2_START,
    // Every chunk it can load later, each its own row. The key kinds come before the recovery-code
    // step, which a RecoveryKey registration loads with them: the step's row is what it adds.
    lazyRows: [
      { name: KEY_KINDS_ROW, loads: [KEY_FLOW] },
      { name: PASSWORD_FIELDS_ROW, loads: [PASSWORD_FIELDS] },
      { name: RECOVERY_STEP_ROW, loads: [RECOVERY_KIND] },
      { name: CEREMONY_EVENTS_ROW, loads: [CEREMONY_EVENTS] },
      { name: PASSKEY_NAME_ROW, loads: [PASSKEY_NAME] },
    ],
  },
  {
    name: SIMPLEWEBAUTHN_COMPONENT_ROW,
    source: `${COMPONENT_ON_SIMPLEWEBAUTHN}\nexport { startRegistration } from '@simplewebauthn/browser';`,
    forbidden: [...NOT_IN_A_FIDO2_START, ...OWN_CEREMONY_MODULES],
  },
  {
    name: SIMPLEWEBAUTHN_ADDED_ROW,
    source: COMPONENT_ON_SIMPLEWEBAUTHN,
    forbidden: [...NOT_IN_A_FIDO2_START, ...OWN_CEREMONY_MODULES],
    alreadyShipped: ['@simplewebauthn/browser'],
  },
  {
    name: PROVIDER_NAME_ROW,
    source: "export { passkeyProviderName } from '@credkit/core/providers';",
    forbidden: PROVIDER_DATA_MODULES,
    lazyRows: [{ name: PROVIDER_NAMES_ROW, loads: [PROVIDER_NAMES] }],
  },
  {
    name: FIND_PROVIDER_ROW,
    source: "export { findPasskeyProvider } from '@credkit/core/providers';",
    forbidden: PROVIDER_DATA_MODULES,
    // It loads the names and the icons together, at its first call.
    lazyRows: [{ name: PROVIDER_ICONS_ROW, loads: [PROVIDER_ICONS, PROVIDER_NAMES] }],
  },
  {
    // The signals (issue 29) over the core row: the difference is what they add. The core row holds
    // the one signal every passkey path sends already (an unknown passkey, after a refusal).
    name: SIGNALS_ROW,
    withOwnCeremony: true,
    source: [
      "export { createFetcher, registerPasskey } from '@credkit/core';",
      'export { signalAcceptedPasskeyIds, signalAcceptedPasskeys, signalCurrentUser, signalUnknownPasskey, userFromToken }',
      "  from '@credkit/core';",
    ].join('\n'),
    forbidden: NOT_IN_A_FIDO2_START,
  },
  {
    // A sign-in page with a button, and (the row below) the same page with autofill sign-in added
    // (issue 29): the difference is what autofill adds. The login controllers carry the ceremony
    // events statically (only the registration controller loads them lazily), so they are not forbidden.
    name: LOGIN_ROW,
    source: "export { createFetcher } from '@credkit/core';\nexport { usePasskeyLogin } from '@credkit/react';",
    forbidden: NOT_IN_A_SIGN_IN_START,
  },
  {
    name: AUTOFILL_ROW,
    source:
      "export { createFetcher } from '@credkit/core';\nexport { usePasskeyLogin, usePasskeyAutofill } from '@credkit/react';",
    forbidden: NOT_IN_A_SIGN_IN_START,
  },
  {
    // The sign-in form (issue 29): the two hooks above, its parts and its texts.
    name: SIGN_IN_ROW,
    source: "export { createFetcher } from '@credkit/core';\nexport { SignIn } from '@credkit/react';",
    forbidden: NOT_IN_A_SIGN_IN_START,
  },
  {
    // The nudges (issue 29) on their own, the hook and then the part. esbuild puts the passkey flow's
    // shared code in these rows (core's entry has top-level lazy modules it cannot prove pure), so most
    // of them is what every row has; the nudges' own modules are the rule, the dismissals, the hook
    // and the part.
    name: NUDGES_HOOK_ROW,
    source: "export { useAccountNudges } from '@credkit/react';",
    forbidden: [...KEY_KIND_MODULES, ...RECOVERY_UI_MODULES, ...PROVIDER_DATA_MODULES, ...LOADED_LATER_MODULES],
  },
  {
    // The part adds the registration engine of the automatic upgrade (`upgrade`, ~2.4 kB gzip: a host
    // with <RegisterCredential> ships it already). A lazy `import()` of the upgrade would cost less here
    // but moves esbuild's chunk boundaries in every other row (measured: useRegisterPasskey +0.5 kB).
    name: NUDGES_ROW,
    source: "export { AccountNudges } from '@credkit/react';",
    forbidden: [...KEY_KIND_MODULES, ...RECOVERY_UI_MODULES, ...PROVIDER_DATA_MODULES, ...LOADED_LATER_MODULES],
  },
  { name: REFERENCE_ROW, source: "export { startRegistration } from '@simplewebauthn/browser';" },
  { name: '@dfns/sdk-browser WebAuthnSigner', source: "export { WebAuthnSigner } from '@dfns/sdk-browser';" },
  { name: '@github/webauthn-json create', source: "export { create } from '@github/webauthn-json';" },
];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = fileURLToPath(new URL('../', import.meta.url));
const VIRTUAL = 'credkit-bench-entry';

function virtualEntry(source: string): Plugin {
  return {
    name: 'virtual-entry',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: new RegExp(`^${VIRTUAL}$`) }, () => ({ path: VIRTUAL, namespace: VIRTUAL }));
      // Resolved from bench/, whose node_modules holds the workspace packages and the anchors.
      pluginBuild.onLoad({ filter: /.*/, namespace: VIRTUAL }, () => ({
        contents: source,
        loader: 'js',
        resolveDir: BENCH,
      }));
    },
  };
}

interface Chunks {
  bytes: number;
  gzipBytes: number;
  modules: string[];
}

function measureChunks(paths: Iterable<string>, files: Map<string, OutputFile>, metafile: Metafile): Chunks {
  const contents: Uint8Array[] = [];
  const modules = new Set<string>();
  for (const path of paths) {
    const file = files.get(path);
    if (!file) throw new Error(`esbuild wrote no ${path}`);
    contents.push(file.contents);
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[path]?.inputs ?? {})) {
      if (bytesInOutput > 0 && !input.startsWith(`${VIRTUAL}:`)) modules.add(input);
    }
  }
  const code = Buffer.concat(contents);
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, modules: [...modules].sort() };
}

/** The chunk and every chunk it imports, following only the kinds of import given. */
function closure(start: Iterable<string>, metafile: Metafile, follow: (kind: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const { path: imported, kind, external } of metafile.outputs[path]?.imports ?? []) {
      if (!external && follow(kind)) queue.push(imported);
    }
  }
  return seen;
}

async function measureEntry(entry: Entry): Promise<BundleSize[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [{ in: VIRTUAL, out: 'entry' }],
    plugins: [virtualEntry(entry.source)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // The lazy `import('@credkit/core/keys')` stays its own chunk, as in an app's build.
    splitting: true,
    outdir: 'out',
    write: false,
    metafile: true,
    conditions: ['@credkit/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', ...(entry.alreadyShipped ?? [])],
    logLevel: 'silent',
  });
  const { metafile } = result;
  const files = new Map(result.outputFiles.map((file) => [file.path.slice(ROOT.length), file]));
  // The lazily imported chunks have an `entryPoint` too: pick ours.
  const entryChunk = Object.keys(metafile.outputs).find(
    (path) => metafile.outputs[path]?.entryPoint === `${VIRTUAL}:${VIRTUAL}`,
  );
  if (!entryChunk) throw new Error(`${entry.name}: esbuild made no entry chunk`);

  const staticImports = (kind: string) => kind === 'import-statement';
  const up = closure([entryChunk], metafile, staticImports);
  // What the engines load at mount (the passkey flow; credkit's own ceremony, unless the host brings one).
  const loadedAtMount = entry.withOwnCeremony ? [PASSKEY_FLOW, OWN_CEREMONY] : [PASSKEY_FLOW];
  const everything = closure([entryChunk], metafile, () => true);
  const mountChunks = [...everything].filter((path) =>
    Object.keys(metafile.outputs[path]?.inputs ?? {}).some((input) =>
      loadedAtMount.some((module) => module.test(input)),
    ),
  );
  for (const path of closure(mountChunks, metafile, staticImports)) up.add(path);
  const main = measureChunks(up, files, metafile);
  const rows: BundleSize[] = [{ name: entry.name, ...main, ceilingGzipBytes: GZIP_CEILINGS[entry.name] }];
  if (!entry.lazyRows) return rows;

  // Each lazy row: the chunks its `import()`s start and their static imports, less those counted above.
  const counted = new Set(up);
  const loadable = closure([entryChunk], metafile, () => true);
  for (const lazyRow of entry.lazyRows) {
    // In the order of `loads` (gzip sees them concatenated so), each start before what it imports.
    const starts = lazyRow.loads.flatMap((module) =>
      [...loadable].filter((path) => module.test(metafile.outputs[path]?.entryPoint ?? '')),
    );
    if (starts.length !== lazyRow.loads.length) {
      throw new Error(
        `${entry.name}: ${lazyRow.name}: expected a lazy chunk for each of ${lazyRow.loads.join(', ')}, found ${starts.join(', ') || 'none'} (moved into the start bundle, or renamed?)`,
      );
    }
    const chunks = starts.flatMap((start) => [...closure([start], metafile, staticImports)]);
    const added = [...new Set(chunks)].filter((path) => !counted.has(path));
    for (const path of added) counted.add(path);
    rows.push({
      name: lazyRow.name,
      ...measureChunks(added, files, metafile),
      ceilingGzipBytes: GZIP_CEILINGS[lazyRow.name],
    });
  }
  const unmeasured = [...loadable].filter((path) => !counted.has(path) && path.endsWith('.js'));
  if (unmeasured.length > 0) {
    throw new Error(
      `${entry.name} can load ${unmeasured.join(', ')}, which no row measures: give it a row in its entry's lazyRows (bench/src/bundleSize.ts)`,
    );
  }
  return rows;
}

/** Throws unless the credkit rows were built from the workspace's TypeScript sources (not a stale `dist`). */
function assertSourcesUsed(sizes: readonly BundleSize[]): void {
  for (const size of sizes) {
    if (!size.name.startsWith('core')) continue;
    const stale = size.modules.filter((path) => /packages\/(core|react)\/dist\//.test(path));
    if (stale.length > 0 || !size.modules.some((path) => path.startsWith('packages/core/src/'))) {
      throw new Error(`${size.name}: not built from packages/*/src (check the @credkit/source condition): ${stale}`);
    }
  }
}

/** Builds every row (credkit's registration paths and the anchors) and measures it. */
export async function measureBundleSizes(): Promise<BundleSize[]> {
  const sizes = (await Promise.all(ENTRIES.map(measureEntry))).flat();
  assertSourcesUsed(sizes);
  return sizes;
}

/**
 * The modules each row has but must not: key-kind crypto or the recovery-code UI in a Fido2-only path,
 * anything its entry lists as `forbidden`, and the module that starts each of its lazy rows' chunks.
 */
export function treeShakingViolations(sizes: readonly BundleSize[]): { name: string; modules: string[] }[] {
  return sizes.flatMap((size) => {
    const entry = ENTRIES.find(({ name }) => name === size.name);
    const forbidden = [...(entry?.forbidden ?? []), ...(entry?.lazyRows ?? []).flatMap(({ loads }) => loads)];
    const modules = size.modules.filter((path) => forbidden.some((pattern) => pattern.test(path)));
    return modules.length > 0 ? [{ name: size.name, modules }] : [];
  });
}

/** The rows whose gzip size is over their regression ceiling (what `pnpm test` fails on). */
export function overCeiling(sizes: readonly BundleSize[]): BundleSize[] {
  return sizes.filter((size) => size.ceilingGzipBytes !== undefined && size.gzipBytes > size.ceilingGzipBytes);
}

/** A markdown table of the sizes: minified and gzip bytes, ceiling, and the ratio to SimpleWebAuthn's `startRegistration`. */
export function bundleSizeTable(sizes: readonly BundleSize[]): string {
  const reference = sizes.find((size) => size.name === REFERENCE_ROW)?.gzipBytes;
  const lines = [
    `| bundle | min (B) | gzip (B) | ceiling gzip (B) | gzip vs ${REFERENCE_ROW} |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const size of sizes) {
    const ceiling = size.ceilingGzipBytes === undefined ? '—' : `≤ ${size.ceilingGzipBytes}`;
    const ratio = reference ? `${(size.gzipBytes / reference).toFixed(2)}×` : '—';
    lines.push(`| ${size.name} | ${size.bytes} | ${size.gzipBytes} | ${ceiling} | ${ratio} |`);
  }
  return lines.join('\n');
}
