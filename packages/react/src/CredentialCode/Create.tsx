import { type ButtonHTMLAttributes, forwardRef, useEffect, useRef } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * The button that makes a code (the user-action signing prompt shows): "Add a passkey on another
 * device", and "New code" once the code expired. While a code is being made it stays focusable
 * (`aria-disabled`) and does nothing; hidden while
 * one is shown. Its text is `messages.create` / `messages.newCode` unless given as children.
 */
export const Create = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Create(
  { className, children, onClick, disabled, ...buttonProps },
  ref,
) {
  const view = useCredentialCodeContext();
  const own = useRef<HTMLButtonElement>(null);
  const refs = useComposedRefs(own, ref);
  const { focusNewCode } = view;
  useEffect(() => {
    // Only when the expired code took the focused element with it: never from elsewhere on the page.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focusNewCode && lost) own.current?.focus();
  }, [focusNewCode]);
  if (view.state === 'active') return null;
  // While a code is being made it stays focusable (aria-disabled) and refuses: a disabled button
  // would drop focus to <body>.
  const busy = view.issuer.isBusy;
  const isDisabled = disabled === true;
  return (
    <button
      type="button"
      {...buttonProps}
      ref={refs}
      disabled={isDisabled}
      aria-disabled={busy || undefined}
      data-disabled={isDisabled || busy ? '' : undefined}
      data-busy={busy ? '' : undefined}
      data-credkit-part="create"
      className={partClassName(view.classNames, 'create', className)}
      onClick={composeEventHandlers(onClick, () => {
        if (!busy) view.issuer.createCode();
      })}
    >
      {children ?? (view.state === 'expired' ? view.messages.newCode : view.messages.create)}
    </button>
  );
});
