import { forwardRef, type HTMLAttributes } from 'react';
import { codePartClassName, useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * A polite live region: each phase while the code is made, then "Code ready … expires in N minutes"
 * once, and "The code expired" once. The countdown itself is never announced.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Status(
  { className, ...paragraphProps },
  ref,
) {
  const view = useCredentialCodeContext();
  return (
    <p
      role="status"
      aria-live="polite"
      {...paragraphProps}
      ref={ref}
      data-credkit-part="status"
      data-state={view.state}
      className={codePartClassName(view.classNames, 'status', className)}
    >
      {view.announcement}
    </p>
  );
});
