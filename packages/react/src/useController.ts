import { useEffect, useState, useSyncExternalStore } from 'react';

/** What the hooks need of a core controller (`createCredentialRegistrationController`, `createUserRegistrationController`…). */
interface Controller<TOptions> {
  setOptions(options: TOptions): void;
  mount(): () => void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): unknown;
}

/**
 * Adapts a core controller to React, as `useMutation` adapts TanStack's `MutationObserver`: one
 * controller per component, every render's options handed to it (it owns them), mounted while the
 * component is (its prefetch runs; unmounting abandons a running operation), and its snapshot read
 * with `useSyncExternalStore`.
 */
export function useController<TOptions, TController extends Controller<TOptions>>(
  create: (options: TOptions) => TController,
  options: TOptions,
): { controller: TController; snapshot: ReturnType<TController['getSnapshot']> } {
  const [controller] = useState(() => create(options));
  useEffect(() => controller.setOptions(options));
  useEffect(() => controller.mount(), [controller]);
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  return { controller, snapshot: snapshot as ReturnType<TController['getSnapshot']> };
}
