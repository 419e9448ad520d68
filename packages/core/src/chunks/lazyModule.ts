import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';

/**
 * A module of credkit's own that loads on first use (its own chunk in the host's build), and once
 * loaded is called without an `await`: the click's path to `navigator.credentials.create()` must not
 * give a turn to the browser (Safari spends the click's user activation; React renders first).
 *
 * Use it as `module.loaded ?? (await module.load())`.
 */
export interface LazyModule<Module> {
  /** Imports the module (a failed chunk is asked for again next time); rejects with a `network` CredkitError. */
  load(): Promise<Module>;
  /** The module once a `load()` has resolved, else `undefined`. */
  readonly loaded: Module | undefined;
}

/** A {@link LazyModule} over `importModule` (a function around one `import()`); `phase` goes into its load error. */
export function lazyModule<Module>(importModule: () => Promise<Module>, phase?: OperationRunPhase): LazyModule<Module> {
  const lazy: { -readonly [K in keyof LazyModule<Module>]: LazyModule<Module>[K] } = {
    loaded: undefined,
    // A fresh `import()` each time until one resolves: cheap, and a chunk that failed is fetched again.
    load: () =>
      importModule().then(
        (module) => (lazy.loaded = module),
        (error: unknown) => {
          throw new CredkitError('network', { phase, cause: error });
        },
      ),
  };
  return lazy;
}
