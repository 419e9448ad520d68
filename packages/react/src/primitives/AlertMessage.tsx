import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from './partClassName.ts';
import { useComposedRefs } from './useComposedRefs.ts';
import { useFocusWhen } from './useFocusWhen.ts';

/** Props of {@link AlertMessage}: any attribute of the `<p>`, and what the family gives it. */
export interface AlertMessageProps extends HTMLAttributes<HTMLParagraphElement> {
  /** The root's classes per part: the alert takes `classNames.error`. */
  classNames: { error?: string };
  /** The error's code, as `data-code`. */
  code: string | undefined;
  /** Focus moves here each time this turns true. The alert needs `tabIndex={-1}` for it. */
  focusWhen?: boolean;
}

/**
 * The Error of every family (`data-credkit-part="error"`): the error text (its children) as an
 * alert, with the id the fields' `aria-describedby` points at. Renders nothing without a text.
 */
export const AlertMessage = forwardRef<HTMLParagraphElement, AlertMessageProps>(function AlertMessage(
  { classNames, code, focusWhen = false, className, children, ...paragraphProps },
  ref,
) {
  const own = useFocusWhen<HTMLParagraphElement>(focusWhen);
  const refs = useComposedRefs(own, ref);
  if (!children) return null;
  return (
    <p
      role="alert"
      {...paragraphProps}
      ref={refs}
      data-credkit-part="error"
      data-code={code}
      className={partClassName(classNames, 'error', className)}
    >
      {children}
    </p>
  );
});
