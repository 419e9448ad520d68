import { CredkitError, describeError } from '@credkit/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * Where WebAuthn is missing (and no `credentials` was injected), says so instead of offering a button
 * that cannot work: the other parts render nothing then. Its text is the `unsupported` error's, then
 * `messages.unsupportedHint`, unless given as children.
 */
export const Unsupported = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(function Unsupported(
  { className, children, ...paragraphProps },
  ref,
) {
  const form = useRegisterCredentialContext();
  if (form.state !== 'unsupported') return null;
  return (
    <p
      {...paragraphProps}
      ref={ref}
      data-credkit-part="unsupported"
      className={partClassName(form.classNames, 'unsupported', className)}
    >
      {children ??
        `${describeError(new CredkitError('unsupported'), form.messages.errors)} ${form.messages.unsupportedHint}`}
    </p>
  );
});
