import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName, useRegisterCredentialContext } from './registerCredentialContext.ts';
import { useComposedRefs } from './useComposedRefs.ts';
import { useFocusWhen } from './useFocusWhen.ts';

/**
 * A polite live region that announces each phase and the success. When the browser's prompt
 * closes on a success, focus moves here, where the outcome is.
 */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Status(
  { className, ...paragraphProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  const own = useFocusWhen<HTMLParagraphElement>(form.state === 'success');
  const refs = useComposedRefs(own, ref);
  return (
    <p
      role="status"
      aria-live="polite"
      tabIndex={-1}
      {...paragraphProps}
      ref={refs}
      data-credkit-part="status"
      data-state={form.state}
      className={partClassName(form.classNames, 'status', className)}
    >
      {form.announcement}
    </p>
  );
});
