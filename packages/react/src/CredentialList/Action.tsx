import type { CreateCredentialResponse } from '@credkit/core';
import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import { useCredentialListContext } from './credentialListContext.ts';

/** Props of {@link Action}: the credential, plus any attribute of a `<button>`. */
export interface CredentialListActionProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The credential the button deactivates or activates. */
  credential: CreateCredentialResponse;
}

/**
 * The button that deactivates an active credential or activates a deactivated one, named after it
 * (`Deactivate “Laptop”`); its text is `messages.actions[action]` unless given as children. While
 * any change runs, the other buttons are disabled; the running one stays focusable
 * (`aria-disabled`), and focus comes back to it when the change ends. On the last active credential
 * that can sign, Deactivate refuses and stays focusable (`aria-disabled`), described by the
 * {@link LockoutNote}, so a keyboard user reaches it and hears why.
 */
export const Action = forwardRef<HTMLButtonElement, CredentialListActionProps>(function Action(
  { credential, className, children, disabled, onClick, ...buttonProps },
  ref,
) {
  const list = useCredentialListContext();
  const refs = useComposedRefs(list.actionRef(credential.credentialUuid), ref);
  const action = list.actionFor(credential);
  const running = list.isChanging(credential);
  const locked = action === 'deactivate' && list.isLastSigner(credential);
  // The running button keeps focus (a disabled one would drop it to <body>); the others wait. The
  // last signer's Deactivate stays in the tab order (aria-disabled), where its reason is read.
  const isDisabled = !running && !locked && (list.busy || disabled === true);
  const refused = running || locked;
  const failedHere =
    list.errorText !== undefined && list.mutation.isError && list.change?.credentialUuid === credential.credentialUuid;
  const describedBy =
    [
      buttonProps['aria-describedby'],
      locked && list.ids.lockout(credential.credentialUuid),
      failedHere && list.ids.error,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <button
      type="button"
      aria-label={list.messages.actionLabel[action](credential.name)}
      {...buttonProps}
      ref={refs}
      disabled={isDisabled}
      aria-disabled={refused || undefined}
      aria-describedby={describedBy}
      data-credkit-part="action"
      data-action={action}
      data-busy={running ? '' : undefined}
      data-disabled={isDisabled || refused ? '' : undefined}
      className={partClassName(list.classNames, 'action', className)}
      onClick={composeEventHandlers(onClick, () => {
        if (!refused) list.toggle(credential);
      })}
    >
      {children ?? list.messages.actions[action]}
    </button>
  );
});
