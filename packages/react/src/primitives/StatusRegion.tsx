import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from './partClassName.ts';
import { useComposedRefs } from './useComposedRefs.ts';
import { useFocusWhen } from './useFocusWhen.ts';

/** Props of {@link StatusRegion}: any attribute of the `<p>`, and what the family gives it. */
export interface StatusRegionProps extends HTMLAttributes<HTMLParagraphElement> {
  /** The root's classes per part: the region takes `classNames.status`. */
  classNames: { status?: string };
  /** The family's state, as `data-state`. */
  state: string;
  /** Focus moves here each time this turns true (where the outcome is). The region needs `tabIndex={-1}` for it. */
  focusWhen?: boolean;
}

/**
 * The Status of every family (`data-credkit-part="status"`): a polite live region, always rendered
 * so that screen readers hear each new text (its children).
 */
export const StatusRegion = forwardRef<HTMLParagraphElement, StatusRegionProps>(function StatusRegion(
  { classNames, state, focusWhen = false, className, ...paragraphProps },
  ref,
) {
  // The status shows an outcome in a live region: it is painted, and announced, before focus moves.
  const own = useFocusWhen<HTMLParagraphElement>(focusWhen, { afterPaint: true });
  const refs = useComposedRefs(own, ref);
  return (
    <p
      role="status"
      aria-live="polite"
      {...paragraphProps}
      ref={refs}
      data-credkit-part="status"
      data-state={state}
      className={partClassName(classNames, 'status', className)}
    />
  );
});
