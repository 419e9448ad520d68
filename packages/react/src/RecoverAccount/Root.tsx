import { forwardRef, type ReactNode } from 'react';
import { RecoverAccountContext } from './recoverAccountContext.ts';
import { type RecoverAccountRootOptions, useRecoverAccountRoot } from './useRecoverAccountRoot.ts';

/** Props of {@link Root}: the options of `useRecoverAccount`, the texts, and any `<form>` attribute. */
export interface RecoverAccountRootProps extends RecoverAccountRootOptions {
  /** The parts, in any layout. */
  children?: ReactNode;
}

/**
 * The `<form>` of an account recovery: step 1 the username (submit sends the e-mailed code), step 2
 * the code, the recovery key ID and code, and the new passkey's name (submit recovers). It owns
 * `useRecoverAccount` and the values; the recovery code is never cached by the browser and is
 * cleared once used. Every `RecoverAccount` part goes inside it.
 */
export const Root = forwardRef<HTMLFormElement, RecoverAccountRootProps>(function Root({ children, ...props }, ref) {
  const { context, formProps, state } = useRecoverAccountRoot(props);
  const busy = context.recovery.isBusy;
  return (
    <RecoverAccountContext.Provider value={context}>
      <form
        noValidate
        {...formProps}
        ref={ref}
        data-credkit="recover-account"
        data-credkit-part="root"
        data-state={state}
        data-busy={busy ? '' : undefined}
        aria-busy={busy}
      >
        {children}
      </form>
    </RecoverAccountContext.Provider>
  );
});
