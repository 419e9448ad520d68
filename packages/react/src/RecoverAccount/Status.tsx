import { forwardRef, type HTMLAttributes } from 'react';
import { useComposedRefs } from '../RegisterCredential/useComposedRefs.ts';
import { useFocusWhen } from '../RegisterCredential/useFocusWhen.ts';
import { recoverPartClassName, useRecoverAccountContext } from './recoverAccountContext.ts';

/** A polite live region: the code sent, each phase, the success. Focus moves here on success. */
export const Status = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Status(
  { className, ...paragraphProps },
  ref,
) {
  const form = useRecoverAccountContext();
  const own = useFocusWhen<HTMLParagraphElement>(form.recovery.phase === 'success');
  const refs = useComposedRefs(own, ref);
  return (
    <p
      role="status"
      aria-live="polite"
      tabIndex={-1}
      {...paragraphProps}
      ref={refs}
      id={form.ids.status}
      data-credkit-part="status"
      data-state={form.recovery.phase}
      className={recoverPartClassName(form.classNames, 'status', className)}
    >
      {form.announcement}
    </p>
  );
});
