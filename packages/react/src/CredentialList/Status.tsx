import { forwardRef, type HTMLAttributes } from 'react';
import { StatusRegion } from '../primitives/StatusRegion.tsx';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useCredentialListContext } from './credentialListContext.ts';

/**
 * A polite live region: "Loading your credentials…", the change that runs ("Deactivating “Laptop”…
 * confirm with your passkey") and its outcome ("“Laptop” deactivated."), or "No credentials yet.".
 * Always rendered, so that screen readers hear each new text. Carries the root's `data-state`.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function Status(props, ref) {
    const list = useCredentialListContext();
    const refs = useComposedRefs(list.statusRef, ref);
    return (
      <StatusRegion tabIndex={-1} {...props} ref={refs} classNames={list.classNames} state={list.state}>
        {list.announcement}
      </StatusRegion>
    );
  },
);
