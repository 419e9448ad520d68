import { forwardRef, type HTMLAttributes } from 'react';
import { StatusRegion } from '../primitives/StatusRegion.tsx';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * A polite live region that announces each phase and the success. When the browser's prompt
 * closes on a success, focus moves here, where the outcome is.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  function Status(props, ref) {
    const form = useRegisterCredentialContext();
    return (
      <StatusRegion
        tabIndex={-1}
        {...props}
        ref={ref}
        classNames={form.classNames}
        state={form.state}
        focusWhen={form.state === 'success'}
      >
        {form.announcement}
      </StatusRegion>
    );
  },
);
