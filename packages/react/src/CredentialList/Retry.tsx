import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialListContext } from './credentialListContext.ts';

/**
 * Retry, shown only when the list could not be loaded: loads it again (`refetch`). It stays focusable
 * while loading (`aria-disabled`); once the list is back, focus moves to it. Its text is
 * `messages.retry` unless given as children.
 */
export const Retry = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Retry(
  { className, children, onClick, ...buttonProps },
  ref,
) {
  const list = useCredentialListContext();
  if (!list.query.isError) return null;
  const loading = list.query.isFetching;
  return (
    <button
      type="button"
      {...buttonProps}
      ref={ref}
      aria-disabled={loading || undefined}
      data-credkit-part="retry"
      data-busy={loading ? '' : undefined}
      className={partClassName(list.classNames, 'retry', className)}
      onClick={composeEventHandlers(onClick, () => {
        if (!loading) list.retry();
      })}
    >
      {children ?? list.messages.retry}
    </button>
  );
});
