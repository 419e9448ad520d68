import type { CreateCredentialResponse } from '@credkit/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useCredentialListContext } from './credentialListContext.ts';

/** Props of {@link LockoutNote}: the credential, plus any attribute of a `<p>`. */
export interface CredentialListLockoutNoteProps extends HTMLAttributes<HTMLParagraphElement> {
  /** The credential the note is about. */
  credential: CreateCredentialResponse;
}

/**
 * Why Deactivate refuses on the last active credential that can sign (`messages.lastSigner`):
 * the button's `aria-describedby` points here. Renders nothing for any other credential.
 */
export const LockoutNote = forwardRef<HTMLParagraphElement, CredentialListLockoutNoteProps>(function LockoutNote(
  { credential, className, children, ...paragraphProps },
  ref,
) {
  const list = useCredentialListContext();
  if (!credential.isActive || !list.isLastSigner(credential)) return null;
  return (
    <p
      {...paragraphProps}
      ref={ref}
      id={list.ids.lockout(credential.credentialUuid)}
      data-credkit-part="lockout"
      className={partClassName(list.classNames, 'lockout', className)}
    >
      {children ?? list.messages.lastSigner}
    </p>
  );
});
