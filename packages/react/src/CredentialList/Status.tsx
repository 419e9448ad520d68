import { forwardRef, type HTMLAttributes } from 'react';
import { useComposedRefs } from '../RegisterCredential/useComposedRefs.ts';
import { partClassName, useCredentialListContext } from './credentialListContext.ts';

/**
 * A polite live region: "Loading your credentials…", the change that runs ("Deactivating “Laptop”…
 * confirm with your passkey") and its outcome ("“Laptop” deactivated."), or "No credentials yet.".
 * Always rendered, so that screen readers hear each new text. Carries the root's `data-state`.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Status(
  { className, ...paragraphProps },
  ref,
) {
  const list = useCredentialListContext();
  const refs = useComposedRefs(list.statusRef, ref);
  return (
    <p
      role="status"
      aria-live="polite"
      tabIndex={-1}
      {...paragraphProps}
      ref={refs}
      data-credkit-part="status"
      data-state={list.state}
      className={partClassName(list.classNames, 'status', className)}
    >
      {list.announcement}
    </p>
  );
});
