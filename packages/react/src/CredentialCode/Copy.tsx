import { type ButtonHTMLAttributes, forwardRef, useState } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialCodeContext } from './credentialCodeContext.ts';

/**
 * Copies the code to the clipboard, and says so (or that copying is not allowed here) in a polite
 * live region beside it. Its text is `messages.copy` unless given as children. Renders nothing
 * without a valid code.
 */
export const Copy = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(function Copy(
  { className, children, onClick, ...buttonProps },
  ref,
) {
  const view = useCredentialCodeContext();
  // The feedback belongs to the code it was about: a new code starts without one.
  const [feedback, setFeedback] = useState<{ code: string; text: string } | null>(null);
  const { code } = view;
  if (!code) return null;
  return (
    <>
      <button
        type="button"
        {...buttonProps}
        ref={ref}
        data-credkit-part="copy"
        className={partClassName(view.classNames, 'copy', className)}
        onClick={composeEventHandlers(onClick, async () => {
          try {
            await navigator.clipboard.writeText(code);
            setFeedback({ code, text: view.messages.copied });
          } catch {
            // No clipboard outside a secure context, or the permission was refused.
            setFeedback({ code, text: view.messages.copyFailed });
          }
        })}
      >
        {children ?? view.messages.copy}
      </button>{' '}
      <span aria-live="polite">{feedback?.code === code ? feedback.text : ''}</span>
    </>
  );
});
