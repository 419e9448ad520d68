import { forwardRef, type HTMLAttributes } from 'react';
import { StatusRegion } from '../primitives/StatusRegion.tsx';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * A polite live region: each phase while the code is made, then "Code ready … expires in N minutes"
 * once, a warning once 20 seconds before it expires, and "The code expired" once. The countdown itself is never announced.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function Status(props, ref) {
    const view = useCredentialCodeContext();
    return (
      <StatusRegion {...props} ref={ref} classNames={view.classNames} state={view.state}>
        {view.announcement}
      </StatusRegion>
    );
  },
);
