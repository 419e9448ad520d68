import { type ButtonHTMLAttributes, forwardRef, useEffect, useRef } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * The button that makes a code (the user-action signing prompt shows): "Add a passkey on another
 * device", and "New code" once the code expired. Disabled while a code is being made; hidden while
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
  const isDisabled = view.issuer.isBusy || disabled === true;
  return (
    <button
      type="button"
      {...buttonProps}
      ref={refs}
      disabled={isDisabled}
      data-disabled={isDisabled ? '' : undefined}
      data-credkit-part="create"
      className={partClassName(view.classNames, 'create', className)}
      onClick={composeEventHandlers(onClick, () => view.issuer.createCode())}
    >
      {children ?? (view.state === 'expired' ? view.messages.newCode : view.messages.create)}
    </button>
  );
});
