import { forwardRef, type HTMLAttributes } from 'react';
import { StatusRegion } from '../primitives/StatusRegion.tsx';
import { useRecoverAccountContext } from './recoverAccountContext.ts';

/** A polite live region: the code sent, each phase, the success. Focus moves here on success. */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function Status(props, ref) {
    const form = useRecoverAccountContext();
    return (
      <StatusRegion
        tabIndex={-1}
        {...props}
        ref={ref}
        id={form.ids.status}
        classNames={form.classNames}
        state={form.recovery.phase}
        focusWhen={form.recovery.phase === 'success'}
      >
        {form.announcement}
      </StatusRegion>
    );
  },
);
