import { type ButtonHTMLAttributes, forwardRef, type ReactNode } from 'react';
import { composeEventHandlers } from './composeEventHandlers.ts';
import { partClassName } from './partClassName.ts';

/** Props of {@link CancelButton}: any attribute of the `<button>`, and what the family gives it. */
export interface CancelButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The root's classes per part: the button takes `classNames.cancel`. */
  classNames: { cancel?: string };
  /** Stops what runs; not called when the host's `onClick` prevented the default. */
  onCancel: () => void;
  /** Its text unless given as children. */
  label: ReactNode;
}

/**
 * The Cancel of every family (`data-credkit-part="cancel"`): a plain button that calls `onCancel`.
 * When to show it is the family's: it renders this only while there is something to stop.
 */
export const CancelButton = forwardRef<HTMLButtonElement, CancelButtonProps>(function CancelButton(
  { classNames, onCancel, label, className, children, onClick, ...buttonProps },
  ref,
) {
  return (
    <button
      type="button"
      {...buttonProps}
      ref={ref}
      data-credkit-part="cancel"
      className={partClassName(classNames, 'cancel', className)}
      onClick={composeEventHandlers(onClick, () => onCancel())}
    >
      {children ?? label}
    </button>
  );
});
