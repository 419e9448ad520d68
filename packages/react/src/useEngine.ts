import { useEffect, useState, useSyncExternalStore } from 'react';

/** What the hooks need of a core engine (`createCredentialRegistration`, `createUserRegistration`). */
interface Engine<TOptions> {
  setOptions(options: TOptions): void;
  mount(): () => void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): unknown;
}

/**
 * Adapts a core engine to React, as `useMutation` adapts TanStack's `MutationObserver`: one engine per
 * component, every render's options handed to it, mounted while the component is (its prefetch
 * runs; unmounting abandons a running registration), and its snapshot read with `useSyncExternalStore`.
 */
export function useEngine<TOptions, TEngine extends Engine<TOptions>>(
  create: (options: TOptions) => TEngine,
  options: TOptions,
): { engine: TEngine; snapshot: ReturnType<TEngine['getSnapshot']> } {
  const [engine] = useState(() => create(options));
  useEffect(() => engine.setOptions(options));
  useEffect(() => engine.mount(), [engine]);
  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot);
  return { engine, snapshot: snapshot as ReturnType<TEngine['getSnapshot']> };
}
