import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';
import { formatRemaining } from './useCountdown.ts';

/**
 * The code's time left, counting down each second (`messages.expiresIn`), in a `<time>` whose
 * `dateTime` is the expiration. A `timer`, which screen readers do not announce on each tick: the
 * Status part says once how long the code lasts, and once that it expired. Renders nothing without a
 * valid code.
 */
export const Expiry = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Expiry(
  { className, ...paragraphProps },
  ref,
) {
  const view = useCredentialCodeContext();
  if (view.remainingMs === undefined || !view.expiration) return null;
  return (
    <p
      role="timer"
      aria-live="off"
      {...paragraphProps}
      ref={ref}
      data-credkit-part="expiry"
      className={partClassName(view.classNames, 'expiry', className)}
    >
      <time dateTime={view.expiration}>{view.messages.expiresIn(formatRemaining(view.remainingMs))}</time>
    </p>
  );
});
