import { forwardRef, type ReactNode } from 'react';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { CredentialListContext } from './credentialListContext.ts';
import { type CredentialListRootOptions, useCredentialListState } from './useCredentialListState.ts';

/** Props of {@link Root}: the list's options plus any attribute of a `<div>`. */
export interface CredentialListRootProps extends CredentialListRootOptions {
  /** The parts, in any layout. */
  children?: ReactNode;
}

/**
 * The root of a credential list: a `<div>` that loads the signed-in user's credentials, runs one
 * change at a time, and gives both to the parts inside through context. It carries `data-state`
 * (`loading`, `error`, `empty`, `ready`) and `data-busy` while a change runs. It must sit inside the
 * host's `QueryClientProvider`.
 */
export const Root = forwardRef<HTMLDivElement, CredentialListRootProps>(function Root({ children, ...props }, ref) {
  const { context, rootProps, rootRef } = useCredentialListState(props);
  const refs = useComposedRefs(rootRef, ref);
  return (
    <CredentialListContext.Provider value={context}>
      <div
        {...rootProps}
        ref={refs}
        data-credkit="credential-list"
        data-state={context.state}
        data-busy={context.busy ? '' : undefined}
      >
        {children}
      </div>
    </CredentialListContext.Provider>
  );
});
