import { forwardRef, type HTMLAttributes } from 'react';
import { StatusRegion } from '../primitives/StatusRegion.tsx';
import { useSignInContext } from './signInContext.ts';

/** A polite live region that announces each phase of the sign-in and its success. */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function Status(props, ref) {
    const form = useSignInContext();
    return (
      <StatusRegion tabIndex={-1} {...props} ref={ref} classNames={form.classNames} state={form.state}>
        {form.announcement}
      </StatusRegion>
    );
  },
);
